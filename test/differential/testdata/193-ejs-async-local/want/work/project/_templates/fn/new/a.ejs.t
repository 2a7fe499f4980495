---
to: src/<%= name %>.js
---
export <%= locals.async ? "async " : "" %>function <%= name %>() {}
