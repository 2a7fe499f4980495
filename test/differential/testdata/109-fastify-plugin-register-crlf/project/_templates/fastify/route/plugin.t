---
to: src/routes/<%= name %>.js
---
'use strict'

module.exports = async function <%= h.changeCase.camelCase(name) %>Routes (fastify) {
  fastify.get('/<%= name %>', async () => ({ ok: true, route: '<%= name %>' }))
}
