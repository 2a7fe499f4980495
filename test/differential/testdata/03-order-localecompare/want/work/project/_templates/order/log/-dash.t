---
sh: echo "-dash" >> order.txt
---
