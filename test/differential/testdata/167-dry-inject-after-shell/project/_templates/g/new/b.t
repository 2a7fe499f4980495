---
to: made.txt
inject: true
append: true
---
more
