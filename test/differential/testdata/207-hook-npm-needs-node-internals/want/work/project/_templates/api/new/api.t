---
to: src/api/<%= name %>.js
---
export const endpoint = '<%= endpoint %>' // fetch: <%= hasFetch %>
