---
to: ../escape.txt
---
escaped
