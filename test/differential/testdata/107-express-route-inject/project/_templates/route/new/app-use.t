---
to: app.js
inject: true
before: "// routes:end"
---
app.use('/api/<%= h.inflection.pluralize(name) %>', <%= h.inflection.pluralize(name) %>Router)