---
to: src/<%= name.toLowerCase() %>/view.tsx
---
// <%= Name %> from view/view.tsx.t
// action=<%= action %> subaction=<%= subaction %>
