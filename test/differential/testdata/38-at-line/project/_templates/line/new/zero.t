---
inject: true
to: zero.txt
at_line: 0
---
INSERTED at 0
