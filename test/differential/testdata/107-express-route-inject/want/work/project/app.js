const express = require('express')
const invoicesRouter = require('./routes/invoices')

const app = express()
app.use(express.json())

// routes:start
app.use('/api/users', require('./routes/users'))
app.use('/api/invoices', invoicesRouter)
// routes:end

module.exports = app
