---
to: out/empty-body.txt
---