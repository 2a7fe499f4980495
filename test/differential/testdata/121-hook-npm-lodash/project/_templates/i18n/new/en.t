---
to: locales/en/<%= file %>.json
---
<%- JSON.stringify(groups, null, 2) %>
