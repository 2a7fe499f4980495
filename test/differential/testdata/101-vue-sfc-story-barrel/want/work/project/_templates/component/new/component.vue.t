---
to: src/components/<%= h.changeCase.pascalCase(name) %>.vue
---
<template>
  <div class="<%= name %>" :style="{ width: '<%= size %>px' }">
    <slot />
  </div>
</template>

<script setup lang="ts">
defineProps<{ size?: number }>()
</script>

<style scoped>
.<%= name %> { border-radius: <%= size / 2 %>px; }
</style>
