---
to: pages/<%= name %>.md
---
# <%= Name %>
