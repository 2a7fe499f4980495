---
sh: echo "_under" >> order.txt
---
