---
to: pages/<%= name %>.tsx
---
export default function <%= h.changeCase.pascalCase(name) %>() {
  return <main><h1><%= h.changeCase.titleCase(name) %></h1></main>
}
