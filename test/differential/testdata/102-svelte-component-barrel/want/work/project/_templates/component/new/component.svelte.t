---
to: src/lib/components/<%= name %>.svelte
---
<script lang="ts">
  export let rows: Array<Record<string, unknown>> = []
  const columns = <%- JSON.stringify(columns.split(',')) %>
</script>

<table class="<%= h.changeCase.paramCase(name) %>">
  <thead><tr>{#each columns as c}<th>{c}</th>{/each}</tr></thead>
  <tbody>
    {#each rows as row}<tr>{#each columns as c}<td>{row[c]}</td>{/each}</tr>{/each}
  </tbody>
</table>
