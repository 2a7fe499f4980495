---
to:
---
empty
