---
to: reports/<%= name %>.txt
---
parsed: <%- parsed %>
required: <%- required %>
flags: <%- flags %>
positionals: <%- positionals %>
