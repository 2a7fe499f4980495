---
to: src/lib/components/<%= name %>.spec.ts
---
import { render } from '@testing-library/svelte'
import <%= name %> from './<%= name %>.svelte'

it('has <%= columns.split(',').length %> columns <%= '<th>' %>', () => {
  const { container } = render(<%= name %>, { rows: [] })
  expect(container.querySelectorAll('th').length).toBe(<%= columns.split(',').length %>)
})
