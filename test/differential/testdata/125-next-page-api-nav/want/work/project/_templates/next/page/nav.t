---
to: components/nav.ts
inject: true
before: "^]"
skip_if: "href: '/<%= name %>'"
---
  { href: '/<%= name %>', label: '<%= h.changeCase.titleCase(name) %>' },