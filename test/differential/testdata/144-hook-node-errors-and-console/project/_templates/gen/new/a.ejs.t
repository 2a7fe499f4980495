---
to: out/report.txt
---
optional: <%= optional %>
<%- tried %>
