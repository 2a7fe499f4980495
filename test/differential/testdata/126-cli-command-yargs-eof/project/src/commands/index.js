module.exports = [
  require('./init'),
]
