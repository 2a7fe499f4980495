---
to: out/y.txt
unless_exists: true
---
y for <%= name %>
