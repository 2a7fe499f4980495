const express = require('express')

const app = express()
app.use(express.json())

// routes:start
app.use('/api/users', require('./routes/users'))
// routes:end

module.exports = app
