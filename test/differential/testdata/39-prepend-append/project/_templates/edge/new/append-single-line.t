---
inject: true
to: append-single-line.txt
append: true
---
APPENDED
