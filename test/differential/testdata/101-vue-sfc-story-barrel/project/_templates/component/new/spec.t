---
to: src/components/__tests__/<%= h.changeCase.pascalCase(name) %>.spec.ts
---
import { mount } from '@vue/test-utils'
import <%= h.changeCase.pascalCase(name) %> from '../<%= h.changeCase.pascalCase(name) %>.vue'

test('<%= name %> mounts', () => {
  expect(mount(<%= h.changeCase.pascalCase(name) %>).exists()).toBe(true)
})
