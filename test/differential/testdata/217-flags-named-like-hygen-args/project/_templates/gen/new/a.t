---
to: out/a.txt
---
A
