---
to: src/features/<%= name %>/index.ts
---
// kind: <%= kind %>, priority <%= priority + 1 %>
export const routes = <%- JSON.stringify(String(routes).split(',')) %>
<% if (withTests) { -%>
export const tested = true
<% } -%>
