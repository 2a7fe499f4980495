---
to: config/<%= file %>
---
{"name": "<%= name %>"}
