---
inject: true
to: src/components/index.ts
skip_if: "from './<%= Name %>'"
append: true
eof_last: false
---
export * from './<%= Name %>';
