---
sh: echo "1digit" >> order.txt
---
