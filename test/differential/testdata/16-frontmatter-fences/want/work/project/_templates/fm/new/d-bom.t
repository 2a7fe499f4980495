---
to: out/bom.txt
---
after a BOM
