---
inject: true
to: append.txt
append: true
---
APPENDED
