import { defineStore } from 'pinia'

export const useSessionStore = defineStore('session', {
  state: () => ({ ready: false }),
  actions: {
    init() { this.ready = true },
  },
})
