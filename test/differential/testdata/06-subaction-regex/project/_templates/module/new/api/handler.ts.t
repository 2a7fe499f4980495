---
to: src/<%= name.toLowerCase() %>/handler.ts
---
// <%= Name %> from api/handler.ts.t
// action=<%= action %> subaction=<%= subaction %>
