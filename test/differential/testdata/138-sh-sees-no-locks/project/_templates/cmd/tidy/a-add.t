---
to: gen/<%= name %>.txt
---
first file
