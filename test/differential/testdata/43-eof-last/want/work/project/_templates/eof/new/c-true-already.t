---
inject: true
to: true-already.txt
after: top
eof_last: true
---
true: already ends with a newline
