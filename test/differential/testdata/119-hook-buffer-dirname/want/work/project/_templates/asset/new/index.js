const path = require('path')
const fs = require('fs')

module.exports = {
  params: ({ args }) => {
    const parsed = path.parse(args.name)
    return {
      id: Buffer.from(args.name).toString('base64'),
      stem: parsed.name,
      ext: parsed.ext.slice(1),
      header: fs.readFileSync(path.join(__dirname, 'header.txt'), 'utf8').trim(),
    }
  },
}
