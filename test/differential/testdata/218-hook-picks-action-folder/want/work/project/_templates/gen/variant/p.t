---
to: out/p.txt
---
P
