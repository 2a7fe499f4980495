---
to: src/<%= name %>/<%= name %>.module.ts
---
import { Module } from '@nestjs/common'
import { <%= h.changeCase.pascalCase(name) %>Controller } from './<%= name %>.controller'
import { <%= h.changeCase.pascalCase(name) %>Service } from './<%= name %>.service'

@Module({
  controllers: [<%= h.changeCase.pascalCase(name) %>Controller],
  providers: [<%= h.changeCase.pascalCase(name) %>Service],
})
export class <%= h.changeCase.pascalCase(name) %>Module {}
