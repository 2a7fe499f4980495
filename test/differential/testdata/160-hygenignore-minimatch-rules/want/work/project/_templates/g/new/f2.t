---
to: out/f2_t.txt
---
f2.t
