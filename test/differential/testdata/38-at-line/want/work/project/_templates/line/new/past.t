---
inject: true
to: past.txt
at_line: 99
---
INSERTED at 99
