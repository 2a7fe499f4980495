---
sh: echo "é" >> order.txt
---
