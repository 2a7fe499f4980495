---
to: out/a-valid.txt
---
valid <%= name %>
