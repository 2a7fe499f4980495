export * from './useToggle'
