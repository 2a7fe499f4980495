---
to: pages/wrong-action.html
---
_default should have been used
