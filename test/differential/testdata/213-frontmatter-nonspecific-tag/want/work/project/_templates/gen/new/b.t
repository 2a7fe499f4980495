---
to: out/kept.txt
unless_exists: ! false
---
overwritten
