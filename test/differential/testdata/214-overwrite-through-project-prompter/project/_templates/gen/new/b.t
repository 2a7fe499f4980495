---
to: out/no.txt
---
new no
