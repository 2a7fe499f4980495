---
sh: echo "Apple" >> order.txt
---
