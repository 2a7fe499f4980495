---
to: routes/<%= h.inflection.pluralize(name) %>.js
---
const express = require('express')
const router = express.Router()
<% methods.split(',').forEach(function (m) { -%>

router.<%= m %>('/<%= m === 'post' ? '' : ':id' %>', (req, res) => {
  res.json({ <%= name %>: <%= m === 'delete' ? 'null' : 'req.params.id || req.body' %> })
})
<% }) -%>

module.exports = router
