---
to: components/nav.ts
inject: true
before: "^]"
skip_if: "href: '/'"
---
  { href: '/', label: 'Home' },