---
sh: echo "apple" >> order.txt
---
