---
sh: "cp src/index.ts src/after-d.ts"
---
