const merge = require('lodash.merge')

module.exports = merge(
  require('./review'),
  require('./user'),
)
