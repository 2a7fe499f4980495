---
sh: echo "10" >> order.txt
---
