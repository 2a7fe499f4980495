---
to: src/commands/index.js
inject: true
after: "module.exports = \\["
eof_last: false
---
  require('./<%= name %>'),
