---
to: out/c-after.txt
---
never written
