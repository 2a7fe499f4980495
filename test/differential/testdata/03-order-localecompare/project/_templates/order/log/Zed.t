---
sh: echo "Zed" >> order.txt
---
