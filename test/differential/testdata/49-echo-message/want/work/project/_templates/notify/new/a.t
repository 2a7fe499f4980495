---
to: out/<%= name %>.txt
echo: "Generating <%= name %> now"
message: "next: run the <%= name %> migration"
---
<%= name %>
