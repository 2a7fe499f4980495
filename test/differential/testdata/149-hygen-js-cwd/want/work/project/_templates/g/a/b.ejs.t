---
to: src/list.txt
inject: true
append: true
---
<%= name %>
