module.exports = [
  require('./sync'),
  require('./init'),
]
