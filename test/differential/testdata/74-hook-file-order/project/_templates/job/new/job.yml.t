---
to: jobs/<%= name %>.yml
---
name: <%= name %> (<%= Names %>)
schedule: <%= schedule %>
