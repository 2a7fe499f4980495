---
to: plain.txt/sub.txt
inject: true
append: true
---
X
