---
to: inside.txt
---
inside
