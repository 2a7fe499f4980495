---
to: api.ts
inject: true
append: true
skip_if: '\Get'
---
// appended: skip_if matched nothing
