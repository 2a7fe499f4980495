---
to: out/sub_c_f6_t.txt
---
sub/c/f6.t
