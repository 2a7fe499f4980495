---
to: out/<%= name %>.txt
---
never written
