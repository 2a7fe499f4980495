---
to: entities/<%= name %>.txt
---
name=<%= name %> Name=<%= Name %> names=<%= names %> Names=<%= Names %>
