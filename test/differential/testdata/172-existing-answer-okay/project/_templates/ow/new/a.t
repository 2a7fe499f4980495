---
to: a-exists.txt
---
generated a
