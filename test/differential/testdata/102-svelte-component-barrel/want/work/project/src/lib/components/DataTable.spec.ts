import { render } from '@testing-library/svelte'
import DataTable from './DataTable.svelte'

it('has 3 columns &lt;th&gt;', () => {
  const { container } = render(DataTable, { rows: [] })
  expect(container.querySelectorAll('th').length).toBe(3)
})
