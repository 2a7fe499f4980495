---
to: "<%= locals.style === 'module' ? `src/ui/${name}/${name}.module.css` : '' %>"
---
.root { position: relative; }
