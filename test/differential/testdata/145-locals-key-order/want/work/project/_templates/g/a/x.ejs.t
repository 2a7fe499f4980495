---
to: out/keys.txt
---
<%= Object.keys(locals).join(',') %>
