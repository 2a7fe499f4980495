---
to: out/valid.txt
---
valid
