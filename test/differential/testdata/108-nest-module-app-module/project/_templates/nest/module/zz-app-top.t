---
to: src/app.module.ts
inject: true
at_line: 1
---
import { <%= h.changeCase.pascalCase(name) %>Module } from './<%= name %>/<%= name %>.module'