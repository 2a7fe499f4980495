---
to: src/hooks/use<%= h.changeCase.pascalCase(name) %>.test.ts
---
import { renderHook } from '@testing-library/react'
import { use<%= h.changeCase.pascalCase(name) %> } from './use<%= h.changeCase.pascalCase(name) %>'

test('use<%= h.changeCase.pascalCase(name) %>', () => {
  const { result } = renderHook(() => use<%= h.changeCase.pascalCase(name) %>(1))
  expect(result.current[0]).toBe(1)
})
