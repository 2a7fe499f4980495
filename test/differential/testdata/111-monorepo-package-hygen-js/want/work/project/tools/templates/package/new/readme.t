---
to: packages/<%= name %>/README.md
---
# <%= h.scoped(name) %>

<%= description %>

© <%= h.year() %> — <%= license %>
