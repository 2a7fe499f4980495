---
to: out/<%= name %>.txt
---
after the command
