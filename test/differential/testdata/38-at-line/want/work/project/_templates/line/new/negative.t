---
inject: true
to: negative.txt
at_line: -1
---
INSERTED at -1
