---
sh: echo "b_c" >> order.txt
---
