---
to: src/<%= name %>/<%= name %>.service.ts
---
import { Injectable } from '@nestjs/common'

@Injectable()
export class <%= h.changeCase.pascalCase(name) %>Service {
  findAll() {
    return [] as const
  }
}
