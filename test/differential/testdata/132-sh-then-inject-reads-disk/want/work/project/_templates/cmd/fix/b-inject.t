---
to: src/index.ts
inject: true
append: true
---
// appended for <%= name %>
