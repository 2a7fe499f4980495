---
to: naive.ts
inject: true
append: true
skip_if: \bve\b
---
// appended: skip_if did not match
