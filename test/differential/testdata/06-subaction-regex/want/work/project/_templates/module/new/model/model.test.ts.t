---
to: src/<%= name.toLowerCase() %>/model.test.ts
---
// <%= Name %> from model/model.test.ts.t
// action=<%= action %> subaction=<%= subaction %>
