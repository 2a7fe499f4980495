---
to: docs/<%= name %>/CHANGELOG.md
---
## 0.1.0
