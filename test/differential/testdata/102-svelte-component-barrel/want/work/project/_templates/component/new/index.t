---
to: src/lib/index.ts
inject: true
before: "// end of exports"
---
export { default as <%= name %> } from './components/<%= name %>.svelte'