---
to: src/<%= name.toLowerCase() %>/api.ts
---
// <%= Name %> from api.ts.t
// action=<%= action %> subaction=<%= subaction %>
