---
to: ~
---
tilde
