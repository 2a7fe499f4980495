process.env.FROM_CONFIG = 'config'
module.exports = {}
