---
to: out/b-<%= h.call() %>.txt
---
b body at call <%= h.call() %>, capitalize still there: <%= h.capitalize('x') %>
