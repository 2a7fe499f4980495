---
to: src/<%= name %>/<%= name %>.service.spec.ts
---
import { <%= h.changeCase.pascalCase(name) %>Service } from './<%= name %>.service'

describe('<%= h.changeCase.pascalCase(name) %>Service', () => {
  it('lists nothing yet', () => expect(new <%= h.changeCase.pascalCase(name) %>Service().findAll()).toEqual([]))
})
