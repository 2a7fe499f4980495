---
sh: echo partial > out/b-partial.txt && exit 3
---
