'use strict'
const fastify = require('fastify')({ logger: true })

fastify.register(require('./routes/root'))

fastify.register(require('./routes/health'))
fastify.listen({ port: 3000 })
