---
to: out/fresh.txt
---
fresh
