---
to: out/<%= name %>.ts
---
<%- include(templates + '/_partials/header.ejs', { title: name }) -%>
export const <%= name %> = 1;
<%- include(templates + '/_partials/footer') %>
