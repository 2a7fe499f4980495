---
to: out/never.txt
---
never
