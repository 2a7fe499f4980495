---
to: src/store/<%= name %>Slice.ts
---
import { createSlice, PayloadAction } from '@reduxjs/toolkit'

export interface <%= h.changeCase.pascalCase(name) %>State {
  items: string[]
  loading: boolean
}

const initialState: <%= h.changeCase.pascalCase(name) %>State = { items: [], loading: false }

export const <%= name %>Slice = createSlice({
  name: '<%= name %>',
  initialState,
  reducers: {
    add<%= h.inflection.singularize(h.changeCase.pascalCase(name)) %>(state, action: PayloadAction<string>) {
      state.items.push(action.payload)
    },
    clear(state) {
      state.items = []
    },
  },
})

export const { add<%= h.inflection.singularize(h.changeCase.pascalCase(name)) %>, clear } = <%= name %>Slice.actions
export default <%= name %>Slice.reducer
