import { setActivePinia, createPinia } from 'pinia'
export const setup = () => setActivePinia(createPinia())
