---
inject: true
to: append-empty.txt
append: true
---
APPENDED
