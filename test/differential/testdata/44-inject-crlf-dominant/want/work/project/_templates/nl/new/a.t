---
inject: true
to: mostly-crlf.txt
after: two
---
INSERTED
