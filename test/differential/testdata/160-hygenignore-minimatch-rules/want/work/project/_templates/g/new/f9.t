---
to: out/f9_t.txt
---
f9.t
