---
to: out/<%= name %>.txt
---
hello <%= who %>
