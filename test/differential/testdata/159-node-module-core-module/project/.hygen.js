const path = require('path')
const Module = require('module')
const fromHere = Module.createRequire(__filename)
const fromLib = Module.createRequire(path.join(__dirname, 'lib') + path.sep)
const fromURL = Module.createRequire(require('url').pathToFileURL(__filename))
let bad
try { Module.createRequire('relative.js') } catch (e) { bad = e.code }
const root = require('./vendor/approot')(path.join(__dirname, 'node_modules', 'approot'))

module.exports = {
  helpers: {
    facts: () => [
      Module.builtinModules.includes('fs'), Module.builtinModules.includes('left-pad'),
      Module.isBuiltin('node:path'), Module.isBuiltin('path'), Module.isBuiltin('left-pad'),
      Array.isArray(Module.globalPaths), fromHere('./lib/answer').answer, fromLib('./answer').answer,
      fromURL('./lib/answer').answer, bad, root === __dirname,
    ].join('|'),
  },
}
