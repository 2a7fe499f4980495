const path = require('path')

module.exports = {
  params: ({ args }) => {
    const rest = process.argv.slice(2)
    return {
      argvLength: process.argv.length,
      headsAreStrings: process.argv.slice(0, 2).every((a) => typeof a === 'string' && path.isAbsolute(a)),
      rest: JSON.stringify(rest),
      levelFlag: rest[rest.indexOf('--level') + 1],
      cwdName: path.basename(process.cwd()),
      platform: process.platform,
      team: process.env.TEAM,
      missing: String(process.env.NOT_SET_ANYWHERE),
    }
  },
}
