---
to: src/stores/<%= h.changeCase.camelCase(name) %>.ts
---
import { defineStore } from 'pinia'

export const use<%= h.changeCase.pascalCase(name) %>Store = defineStore('<%= name %>', {
  state: () => ({ ready: false }),
  actions: {
    init() { this.ready = true },
  },
})
