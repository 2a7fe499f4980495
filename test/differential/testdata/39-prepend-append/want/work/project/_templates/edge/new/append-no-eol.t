---
inject: true
to: append-no-eol.txt
append: true
---
APPENDED
