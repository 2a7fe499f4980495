import { renderHook } from '@testing-library/react'
import { useLocalStorage } from './useLocalStorage'

test('useLocalStorage', () => {
  const { result } = renderHook(() => useLocalStorage(1))
  expect(result.current[0]).toBe(1)
})
