---
to: out/<%= name %>.txt
---
<%= name %>
