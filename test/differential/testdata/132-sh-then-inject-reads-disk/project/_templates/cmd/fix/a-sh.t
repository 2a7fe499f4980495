---
sh: "sed \"s/'old'/'new'/\" src/index.ts > src/index.tmp && mv src/index.tmp src/index.ts"
---
