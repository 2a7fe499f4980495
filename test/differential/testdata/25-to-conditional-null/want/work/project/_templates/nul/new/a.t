---
to: null
---
null
