---
to: setup.txt
---
written first
