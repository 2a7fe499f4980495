---
to: pages/<%= name %>.md
---
# <%= Name %> (with footer)
