---
to: src/<%= name %>/index.ts
---
export * from './<%= name %>'
