---
inject: true
to: mostly-crlf-eof.txt
after: two
eof_last: true
---
INSERTED without newline