---
sh: echo "ä" >> order.txt
---
