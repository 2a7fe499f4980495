---
to: docs/<%= name %>/README.md
---
# <%= h.capitalize(name) %>
