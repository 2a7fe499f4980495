---
to: <%= component %>
---
export function <%= name %>() { return null }
