---
sh: echo "b" >> order.txt
---
