---
to: out.txt
---
<%- JSON.stringify([a, b, c, c2, d, e, f, g, l, t, p, s, ac, n]) %>
