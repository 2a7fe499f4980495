const fs = require('fs')

module.exports = {
  helpers: (locals, config) => ({
    unlessExists: (path) => {
      if (fs.existsSync(path)) {
        config.logger.warn(`     skipped: ${path}`)
        return null
      }
      return path
    },
    report: () => {
      const l = config.logger
      l.ok('ok line')
      l.notice(42)
      l.err()
      l.colorful('{red hi} there')
      l.log('log', 1, { a: [1, 2] })
      return [typeof l, Object.keys(l).join(','), typeof l.warn, l.log.name, config.debug, Object.keys(config).slice(0, 3).join(',')].join('|')
    },
  }),
}
