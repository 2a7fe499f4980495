const fs = require('fs')
const path = require('path')

module.exports = {
  params: ({ args }) => {
    const dir = path.join(process.cwd(), 'db', 'migrations')
    const last = fs.readdirSync(dir).filter((f) => /^\d+_/.test(f)).sort().pop() || '000_init.sql'
    const next = String(parseInt(last, 10) + 1).padStart(3, '0')
    return { file: `${next}_${args.name.replace(/-/g, '_')}.sql`, previous: path.basename(last, '.sql') }
  },
}
