export * from './useLocalStorage'
export * from './useToggle'
