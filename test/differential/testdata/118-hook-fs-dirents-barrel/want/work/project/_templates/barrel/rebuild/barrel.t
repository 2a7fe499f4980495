---
to: src/components/index.ts
force: true
---
<% names.forEach((n) => { -%>
export * from './<%= n %>'
<% }) -%>
