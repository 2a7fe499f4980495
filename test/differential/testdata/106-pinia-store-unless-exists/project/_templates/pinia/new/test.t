---
to: src/stores/__tests__/<%= h.changeCase.camelCase(name) %>.spec.ts
---
import { setup } from './helpers'
import { use<%= h.changeCase.pascalCase(name) %>Store } from '../<%= h.changeCase.camelCase(name) %>'

test('init', () => {
  setup()
  const store = use<%= h.changeCase.pascalCase(name) %>Store()
  store.init()
  expect(store.ready).toBe(true)
})
