---
to: <%= h.dir() %>/package.json
---
{
  "name": "<%= name %>",
  "private": true,
  "scripts": { "dev": "<%= h.isNext() ? 'next dev' : 'vite' %>" }
}
