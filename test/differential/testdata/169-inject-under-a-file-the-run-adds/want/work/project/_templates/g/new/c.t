---
to: after.txt
---
A
