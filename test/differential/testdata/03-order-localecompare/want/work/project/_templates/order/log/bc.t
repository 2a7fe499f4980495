---
sh: echo "bc" >> order.txt
---
