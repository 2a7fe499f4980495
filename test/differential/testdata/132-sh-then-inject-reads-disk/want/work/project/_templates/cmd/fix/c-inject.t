---
to: src/index.ts
inject: true
prepend: true
skip_if: "'new'"
---
// not wanted once the command rewrote the file
