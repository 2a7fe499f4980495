---
to: out/b.txt
---
<% if (name { %>
unbalanced
<% } %>
