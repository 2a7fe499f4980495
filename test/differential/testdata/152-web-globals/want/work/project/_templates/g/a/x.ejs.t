---
to: out.txt
---
<%- out %>
<%= btoa(name) %> <%= new URL("../c", "https://h.io/a/b").href %>
