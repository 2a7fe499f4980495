package jsrt

import "testing"

// A script that wraps Module._resolveFilename (module-alias and
// tsconfig-paths do, to map ids to folders) changes what require and a
// module's require method load, as in Node, where require resolves
// through it; core modules still load. Node 20.20.2 gives
// "util!,util!,true,true". The wrapper was never called.
func TestRequireThroughReplacedResolveFilename(t *testing.T) {
	got, err := evalHook(t, map[string]string{
		"src/utils/x.js": "module.exports = 'util!'",
		"node_modules/alias/index.js": `const Module = require('module'), path = require('path');
const aliases = {};
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  for (const name of Object.keys(aliases)) {
    if (request === name || request.startsWith(name + '/')) request = path.join(aliases[name], request.slice(name.length));
  }
  return original.call(this, request, parent, isMain, options);
};
exports.add = (name, dir) => { aliases[name] = dir };`,
		"hook.js": `const path = require('path');
require('alias').add('@utils', path.join(__dirname, 'src/utils'));
module.exports = { params: () => ({ v: [require('@utils/x'), module.require('@utils/x.js'), require('fs') === require('node:fs'),
  require.resolve('@utils/x') === path.join(__dirname, 'src/utils/x.js')].join() }) };`,
	}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "util!,util!,true,true" {
		t.Errorf("got %s", v)
	}
}
