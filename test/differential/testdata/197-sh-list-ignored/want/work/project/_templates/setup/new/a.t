---
sh: ["echo", "<%= name %>"]
sh_ignore_exit: true
---
