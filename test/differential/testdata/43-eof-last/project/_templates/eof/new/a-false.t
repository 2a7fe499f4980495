---
inject: true
to: false.txt
after: top
eof_last: false
---
false: trailing newline dropped
