---
to: src/hooks/index.ts
inject: true
at_line: 0
---
export * from './use<%= h.changeCase.pascalCase(name) %>'