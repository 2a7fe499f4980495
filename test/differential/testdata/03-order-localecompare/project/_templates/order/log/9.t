---
sh: echo "9" >> order.txt
---
