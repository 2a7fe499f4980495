---
to: src/components/index.ts
inject: true
append: true
skip_if: "<%= name %>'"
---
export { default as <%= name %> } from './<%= name %>/<%= name %>'
