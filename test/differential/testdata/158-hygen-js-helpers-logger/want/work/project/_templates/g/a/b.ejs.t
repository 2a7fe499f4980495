---
to: <%= h.unlessExists('src/new.txt') %>
---
<%= h.report() %>
