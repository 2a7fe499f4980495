---
to: out/deep_a_b_f3_t.txt
---
deep/a/b/f3.t
