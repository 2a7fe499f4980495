export const suffixes = { component: '.tsx', story: '.stories.tsx' }
export default 'src/ui'
