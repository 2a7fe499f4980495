const fs = require('fs')
let optional = 'fallback'
try {
  optional = require('some-optional-package')
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e
}
const tried = []
const t = (what, f) => {
  try {
    tried.push(what + ' = ' + JSON.stringify(f()))
  } catch (e) {
    tried.push(what + ' threw ' + String(e) + ' | ' + e.name + ' ' + e.code + (e.path !== undefined ? ' path=' + e.path : ''))
  }
}
t('read undefined', () => fs.readFileSync(undefined))
t('read null', () => fs.readFileSync(null))
t('read object', () => fs.readFileSync({}, 'utf8'))
t('stat number', () => fs.statSync(7))
t('stat boolean', () => fs.statSync(true))
t('readdir array', () => fs.readdirSync([]))
t('bad encoding', () => fs.readFileSync('data/a.txt', 'bogus'))
t('bad encoding option', () => fs.readFileSync('data/a.txt', { encoding: 'nope' }))
t('good encoding', () => fs.readFileSync('data/a.txt', 'UTF-8'))
t('missing', () => fs.readFileSync('data/missing.txt', 'utf8'))
t('folder', () => fs.readFileSync('data/sub'))
t('readdir missing', () => fs.readdirSync('data/nope'))
t('exists empty', () => fs.existsSync(''))
t('exists undefined', () => fs.existsSync(undefined))
t('exists file', () => fs.existsSync('data/a.txt'))
t('version', () => /^v\d+\.\d+\.\d+$/.test(process.version) && process.version === 'v' + process.versions.node)
console.log()
console.group('group')
console.log('inside\ntwo lines')
console.dir({ a: 1, b: [1, 2] })
console.groupEnd()
console.log('after')
module.exports = { params: () => ({ optional, tried: tried.join('\n') }) }
