---
to: <%= h.unlessExists('src/old.txt') %>
---
new
