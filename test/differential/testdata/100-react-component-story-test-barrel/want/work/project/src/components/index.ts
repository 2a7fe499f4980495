export { default as Card } from './Card/Card'
export { default as PrimaryButton } from './PrimaryButton/PrimaryButton'

