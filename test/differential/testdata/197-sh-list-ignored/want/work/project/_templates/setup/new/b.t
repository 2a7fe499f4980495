---
to: setup.txt
---
written after it
