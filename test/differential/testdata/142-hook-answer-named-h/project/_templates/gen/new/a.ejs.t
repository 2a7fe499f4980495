---
to: out/h.txt
---
<%= h.capitalize('word') %> <%= other %>
