---
to: out.txt
---
hi <%= who %>
