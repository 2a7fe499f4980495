---
to: jobs/<%= name %>.yml
---
name: <%= name %>
schedule: "<%= schedule %>"
