---
to: out/<%= name %>.txt
---
features: <%= features %> (<%= typeof features %>)
owner: <%= owner %>
