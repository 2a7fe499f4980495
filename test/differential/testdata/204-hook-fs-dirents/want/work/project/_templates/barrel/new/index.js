const fs = require('fs')
const path = require('path')

module.exports = {
  params: ({ args }) => {
    const dir = path.join('src', args.name)
    const entries = fs.readdirSync(dir, { withFileTypes: true })
    const folders = entries.filter((d) => d.isDirectory()).map((d) => d.name).sort()
    const files = entries.filter((d) => d.isFile()).map((d) => d.name).sort()
    const readme = fs.readFileSync(path.join(dir, 'README.md'))
    const pkg = JSON.parse(fs.readFileSync('package.json'))
    const stat = fs.statSync(path.join(dir, 'README.md'))
    return {
      folders,
      files: files.join(' '),
      readmeBytes: readme.length,
      readmeText: readme.toString().trim(),
      readmeIsBuffer: Buffer.isBuffer(readme),
      version: pkg.version,
      statKinds: [stat.isFile(), stat.isDirectory(), fs.lstatSync(dir).isDirectory(), stat.size].join(','),
      hasIndex: folders.map((f) => fs.existsSync(path.join(dir, f, 'index.js'))).join(','),
      missing: fs.existsSync(path.join(dir, 'nope')),
    }
  },
}
