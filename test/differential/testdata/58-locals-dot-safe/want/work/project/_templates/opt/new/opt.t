---
to: out/<%= name %>.txt
---
missing=[<%= locals.missing %>]
default=<%= locals.format || 'pdf' %>
<% if (locals.withChart) { -%>
chart enabled
<% } else { -%>
no chart
<% } -%>
typeof bare=<%= typeof missingBare %>
has name=<%= 'name' in locals %> has missing=<%= 'missing' in locals %>
