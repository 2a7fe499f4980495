---
to: src/<%= name %>/index.ts
unless_exists: true
---
// placeholder
