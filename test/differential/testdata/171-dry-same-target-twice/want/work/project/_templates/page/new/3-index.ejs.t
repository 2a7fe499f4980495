---
to: pages/index-<%= name %>.md
---
- <%= name %>
