// Reads globalPaths as it loads, as app-root-path does.
var path = require('path')
var globalPaths = require('module').globalPaths
module.exports = function (dirname) {
  var resolved = path.resolve(dirname)
  var global = globalPaths.some(function (p) { return resolved.indexOf(p) === 0 })
  return global ? 'global' : resolved.split(path.sep + 'node_modules')[0]
}
