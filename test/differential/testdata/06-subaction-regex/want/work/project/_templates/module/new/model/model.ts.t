---
to: src/<%= name.toLowerCase() %>/model.ts
---
// <%= Name %> from model/model.ts.t
// action=<%= action %> subaction=<%= subaction %>
