const path = require('path')
module.exports = { cwd: path.join(__dirname, 'app'), templates: path.join(__dirname, '_templates') }
