---
to: src/stores/__tests__/helpers.ts
unless_exists: true
---
export const setup = () => { /* generated */ }
