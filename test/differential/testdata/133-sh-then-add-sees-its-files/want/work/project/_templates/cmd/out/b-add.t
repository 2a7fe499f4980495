---
to: out/x.txt
unless_exists: true
---
from the template, for <%= name %>
