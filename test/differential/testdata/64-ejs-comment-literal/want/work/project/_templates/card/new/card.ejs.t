---
to: src/<%= name %>.js
---

// generated card template
const x = '<%- raw %>';
literal close: %> and open: <%
