---
to: out.txt
---
blocks=<%= blocks %>
