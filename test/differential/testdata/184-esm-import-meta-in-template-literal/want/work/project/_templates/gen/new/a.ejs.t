---
to: out.txt
---
from <%= h.where() %>
