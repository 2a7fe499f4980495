---
to: src/components/<%= Name %>/index.ts
---
export * from './<%= Name %>';
