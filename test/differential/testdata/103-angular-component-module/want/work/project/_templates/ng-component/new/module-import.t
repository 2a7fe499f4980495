---
to: src/app/app.module.ts
inject: true
prepend: true
---
import { <%= h.changeCase.pascalCase(name) %>Component } from './<%= name %>/<%= name %>.component'