---
sh: echo "b.c" >> order.txt
---
