---
to: src/<%= name %>/index.ts
inject: true
append: true
---
export default <%= name %>
