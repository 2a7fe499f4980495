---
to: keep.txt
unless_exists: true
---
generated keep
