---
to: out.txt
---
<%- out %>
<%= typeof AbortController %> <%= new Event("e").type %>
