const os = require('os')
const util = require('util')
const path = require('path')

const later = util.promisify((value, cb) => cb(null, value.toUpperCase()))

module.exports = {
  params: async ({ args }) => ({
    eol: JSON.stringify(os.EOL),
    platform: os.platform(),
    formatted: util.format('%s has %d pages and %j', args.name, 12, { draft: true }),
    inspected: util.inspect({ name: args.name, tags: ['a', 'b'], nested: { deep: { deeper: { deepest: 1 } } } }),
    grid: util.inspect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    shout: await later(args.name),
    b64: Buffer.from(args.name).toString('base64'),
    hex: Buffer.from('hi').toString('hex'),
    here: path.relative(process.cwd(), __dirname),
    file: path.basename(__filename),
  }),
}
