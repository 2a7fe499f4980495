---
sh: echo ".dot" >> order.txt
---
