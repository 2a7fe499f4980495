---
to: out.txt
---
<%- out %>
