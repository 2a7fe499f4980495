---
to: src/after-d.ts
inject: true
prepend: true
---
// into the copy <%= name %>
