import { setup } from './helpers'
import { useSessionStore } from '../session'

test('init', () => {
  setup()
  const store = useSessionStore()
  store.init()
  expect(store.ready).toBe(true)
})
