---
to: src/server.js
inject: true
before: "fastify.listen"
---
fastify.register(require('./routes/<%= name %>'))