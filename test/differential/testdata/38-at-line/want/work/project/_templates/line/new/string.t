---
inject: true
to: string.txt
at_line: "<%= 1 + 1 %>"
---
INSERTED at "2"
