---
to: out/deep_a_c_f4_t.txt
---
deep/a/c/f4.t
