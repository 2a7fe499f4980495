---
to: app.js
inject: true
after: "require\\('express'\\)"
---
const <%= h.inflection.pluralize(name) %>Router = require('./routes/<%= h.inflection.pluralize(name) %>')