---
to: src/<%= name %>/<%= name %>.controller.ts
---
import { Controller, Get } from '@nestjs/common'
import { <%= h.changeCase.pascalCase(name) %>Service } from './<%= name %>.service'

@Controller('<%= h.changeCase.paramCase(name) %>')
export class <%= h.changeCase.pascalCase(name) %>Controller {
  constructor(private readonly service: <%= h.changeCase.pascalCase(name) %>Service) {}

  @Get()
  findAll() {
    return this.service.findAll()
  }
}
