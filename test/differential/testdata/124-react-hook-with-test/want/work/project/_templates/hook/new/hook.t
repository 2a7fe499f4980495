---
to: src/hooks/use<%= h.changeCase.pascalCase(name) %>.ts
---
import { useState } from 'react'

export function use<%= h.changeCase.pascalCase(name) %><T>(initial: T) {
  const [value, setValue] = useState<T>(initial)
  return [value, setValue] as const
}
