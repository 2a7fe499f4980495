---
to: "packages/<%= name %>/README.md"
---
# <%= this.toUpperCase() %>/<%= name %>
<%- include(templates + '/_partials/this.ejs', { part: 'included' }) -%>
