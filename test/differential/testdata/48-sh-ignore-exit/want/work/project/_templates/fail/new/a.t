---
to: out/a-before.txt
---
written before the failure
