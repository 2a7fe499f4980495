---
to: src/models/<%= name %>.ts
---
// table <%= table %>
export interface <%= name %> {
<% fields.forEach(({ field, type }) => { -%>
  <%= field %>: <%= type %>
<% }) -%>
}
