export { default as Button } from './components/Button.svelte'
export { default as DataTable } from './components/DataTable.svelte'
// end of exports
