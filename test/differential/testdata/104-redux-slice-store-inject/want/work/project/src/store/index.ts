import user from './userSlice'
import shoppingCart from './shoppingCartSlice'
import { configureStore } from '@reduxjs/toolkit'

export const store = configureStore({
  reducer: {
    shoppingCart,
    user,
  },
})
