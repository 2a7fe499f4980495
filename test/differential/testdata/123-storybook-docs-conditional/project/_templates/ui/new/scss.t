---
to: "<%= locals.style === 'scss' ? `src/ui/${name}/${name}.scss` : '' %>"
---
.root { position: relative; }
