---
to: "<%= withTests ? `src/features/${name}/index.test.ts` : null %>"
---
import { routes } from '.'
test('routes', () => expect(routes).toHaveLength(<%= String(routes).split(',').length %>))
