---
to: fresh.txt
unless_exists: true
---
generated fresh
