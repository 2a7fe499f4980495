---
to: out/o.txt
---
O <%= actionfolder %>
