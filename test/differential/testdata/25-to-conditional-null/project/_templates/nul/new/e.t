---
to: out/real.txt
---
real
