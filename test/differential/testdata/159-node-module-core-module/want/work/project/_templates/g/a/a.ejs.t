---
to: out.txt
---
<%= h.facts() %>
