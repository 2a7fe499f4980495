---
to: out.txt
---
<%= locals.x %>
