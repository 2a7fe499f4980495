---
to: src/<%= Name %>.tsx
---
export const <%= Name %> = () => null;
