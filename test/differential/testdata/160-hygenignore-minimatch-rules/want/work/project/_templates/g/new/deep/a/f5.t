---
to: out/deep_a_f5_t.txt
---
deep/a/f5.t
