---
to: src/assets/<%= stem %>.<%= ext %>.ts
---
<%= header %>
export const <%= h.changeCase.camelCase(stem) %> = { id: '<%= id %>', type: '<%= ext %>' }
