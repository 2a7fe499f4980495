export { default as Button } from './components/Button.svelte'
// end of exports
