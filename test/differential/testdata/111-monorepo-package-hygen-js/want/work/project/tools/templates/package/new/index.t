---
to: packages/<%= name %>/src/index.ts
---
export const name = '<%= h.scoped(name) %>'
