---
to: src/app/<%= name %>/<%= name %>.component.spec.ts
---
import { TestBed } from '@angular/core/testing'
import { <%= h.changeCase.pascalCase(name) %>Component } from './<%= name %>.component'

describe('<%= h.changeCase.pascalCase(name) %>Component', () => {
  beforeEach(() => TestBed.configureTestingModule({ declarations: [<%= h.changeCase.pascalCase(name) %>Component] }))
  it('should create', () => {
    expect(TestBed.createComponent(<%= h.changeCase.pascalCase(name) %>Component).componentInstance).toBeTruthy()
  })
})
