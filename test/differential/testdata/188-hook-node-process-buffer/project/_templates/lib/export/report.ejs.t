---
to: out/<%= name %>.txt
---
<%= name %>: <%= exported %> (first <%= first %>, last <%= last %>, head <%= head %>)
port <%= port %>, end-of-stream <%= loaded %>, ticked <%= ticked() %>
