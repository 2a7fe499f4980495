---
to: out/<%= folder %>/b.txt
---
body is fine
