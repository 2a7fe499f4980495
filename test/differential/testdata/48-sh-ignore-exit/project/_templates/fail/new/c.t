---
to: out/c-after.txt
---
written: the failure was ignored
