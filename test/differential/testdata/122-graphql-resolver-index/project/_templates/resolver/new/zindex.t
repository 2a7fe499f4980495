---
to: src/resolvers/index.js
inject: true
after: "merge\\("
---
  require('./<%= name %>'),