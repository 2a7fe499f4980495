---
sh: echo made > made.txt
---
