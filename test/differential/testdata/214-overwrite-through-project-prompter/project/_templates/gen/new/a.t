---
to: out/yes.txt
---
new yes
