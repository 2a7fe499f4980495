---
sh: echo "Banana" >> order.txt
---
