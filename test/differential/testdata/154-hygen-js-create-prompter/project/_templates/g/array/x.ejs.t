---
to: array.txt
---
<%= color %>
