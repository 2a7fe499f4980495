const fs = require('fs')
const path = require('path')

module.exports = {
  params: () => {
    const dir = path.resolve('src/components')
    const names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
    return { names }
  },
}
