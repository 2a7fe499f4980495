---
sh: ["echo", "<%= name %>"]
---
