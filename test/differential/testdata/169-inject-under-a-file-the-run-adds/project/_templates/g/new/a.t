---
to: plain.txt
---
P
