'use strict'

module.exports = async function healthRoutes (fastify) {
  fastify.get('/health', async () => ({ ok: true, route: 'health' }))
}
