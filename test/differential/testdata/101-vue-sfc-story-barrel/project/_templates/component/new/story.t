---
to: src/components/<%= h.changeCase.pascalCase(name) %>.stories.ts
---
import <%= h.changeCase.pascalCase(name) %> from './<%= h.changeCase.pascalCase(name) %>.vue'

export default { title: '<%= h.inflection.titleize(h.changeCase.snakeCase(name)) %>', component: <%= h.changeCase.pascalCase(name) %> }
export const Default = () => ({ components: { <%= h.changeCase.pascalCase(name) %> }, template: '<<%= h.changeCase.pascalCase(name) %> :size="<%= size %>" />' })
