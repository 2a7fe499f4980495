export * from './Button'
export * from './Card'
