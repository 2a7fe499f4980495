import { useState } from 'react'

export function useLocalStorage<T>(initial: T) {
  const [value, setValue] = useState<T>(initial)
  return [value, setValue] as const
}
