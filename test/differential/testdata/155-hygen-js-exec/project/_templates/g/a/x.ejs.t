---
sh: echo ran > sh-ran.txt
---
the body
