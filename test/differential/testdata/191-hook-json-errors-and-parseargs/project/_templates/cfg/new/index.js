const fs = require('fs')
const { parseArgs } = require('util')

module.exports = {
  params: () => {
    const failure = (read) => {
      try {
        read()
        return 'none'
      } catch (e) {
        return e.name + ': ' + e.message.split('/').pop()
      }
    }
    const { values, positionals } = parseArgs({ strict: false })
    return {
      parsed: failure(() => JSON.parse(fs.readFileSync('settings.json', 'utf8'))),
      required: failure(() => require('../../../settings.json')),
      flags: JSON.stringify(values),
      positionals: positionals.join(' '),
    }
  },
}
