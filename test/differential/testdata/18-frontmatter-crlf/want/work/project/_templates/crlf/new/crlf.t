---
to: out/<%= name %>.txt
force: true
---

first <%= name %>
<% if (true) { -%>
inside
<% } -%>
last
