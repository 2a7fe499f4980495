---
inject: true
to: config/modules.yml
after: !!js/regexp /^\s*exports:/i
eof_last: false
---
  - <%= name %>
