---
inject: true
to: mostly-lf.txt
after: one
---
INSERTED
