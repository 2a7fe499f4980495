---
inject: true
to: two.txt
at_line: 2
---
INSERTED at 2
