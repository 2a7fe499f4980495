---
inject: true
to: tie.txt
before: two
---
INSERTED
