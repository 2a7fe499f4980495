---
to: out/f1_t.txt
---
f1.t
