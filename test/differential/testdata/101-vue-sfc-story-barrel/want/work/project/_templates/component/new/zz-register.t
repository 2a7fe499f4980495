---
to: src/components/index.ts
inject: true
after: "^import .* from"
---
import <%= h.changeCase.pascalCase(name) %> from './<%= h.changeCase.pascalCase(name) %>.vue'