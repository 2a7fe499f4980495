---
to: src/<%= name %>.ts
---
export const <%= name %> = 1;
