const express = require('express')
const router = express.Router()

router.get('/:id', (req, res) => {
  res.json({ invoice: req.params.id || req.body })
})

router.post('/', (req, res) => {
  res.json({ invoice: req.params.id || req.body })
})

router.delete('/:id', (req, res) => {
  res.json({ invoice: null })
})

module.exports = router
