---
to: src/graphql/<%= field %>.resolver.ts
---
export const <%= field %>Resolver = { Query: { <%= field %>: () => null } }
