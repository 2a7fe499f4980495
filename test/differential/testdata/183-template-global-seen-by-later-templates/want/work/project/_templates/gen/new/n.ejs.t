---
to: "out/<%= typeof counter === 'undefined' ? 'unset' : 'n' + counter %>.txt"
---
named by the global
