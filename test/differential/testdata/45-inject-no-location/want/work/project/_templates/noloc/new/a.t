---
inject: true
to: target.txt
eof_last: true
---
not inserted anywhere
