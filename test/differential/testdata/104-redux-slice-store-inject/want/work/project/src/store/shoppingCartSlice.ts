import { createSlice, PayloadAction } from '@reduxjs/toolkit'

export interface ShoppingCartState {
  items: string[]
  loading: boolean
}

const initialState: ShoppingCartState = { items: [], loading: false }

export const shoppingCartSlice = createSlice({
  name: 'shoppingCart',
  initialState,
  reducers: {
    addShoppingCart(state, action: PayloadAction<string>) {
      state.items.push(action.payload)
    },
    clear(state) {
      state.items = []
    },
  },
})

export const { addShoppingCart, clear } = shoppingCartSlice.actions
export default shoppingCartSlice.reducer
