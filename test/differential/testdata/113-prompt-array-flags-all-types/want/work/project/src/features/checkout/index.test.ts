import { routes } from '.'
test('routes', () => expect(routes).toHaveLength(2))
