---
sh: echo partial > out/b-partial.txt && exit 3
sh_ignore_exit: true
---
