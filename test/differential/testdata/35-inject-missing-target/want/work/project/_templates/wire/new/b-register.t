---
inject: true
to: src/registry.ts
append: true
---
register(<%= name %>);
