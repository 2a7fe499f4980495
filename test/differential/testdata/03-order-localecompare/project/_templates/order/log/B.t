---
sh: echo "B" >> order.txt
---
