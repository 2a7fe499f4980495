---
to: out/<%= h.capitalize(name) %>.txt
---
<%= typeof h %> <%= locals.h === h %>
