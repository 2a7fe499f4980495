package jsrt

import (
	"testing"
)

// require('module') is Node's Module class as far as loaders of config
// files use it: resolve-from's Module._resolveFilename with a stand-in
// parent and Module._nodeModulePaths, and import-fresh's reload through
// require.cache and the parent's own require, which unlinks the old module
// from its parent's children (cosmiconfig loads .js configs so). The
// _resolveFilename of a stand-in with no paths looks for packages in the
// global folders only, as Node's does. Node 20.20.2 gives the same, but
// for the last require stack, which goes on with the hook's own parent
// (the file that required it; hygen's loader when hygen runs it).
func TestModuleResolveFilename(t *testing.T) {
	files := map[string]string{
		"node_modules/fresh/index.js": `const Module = require('module'), path = require('path');
module.exports = (caller, id) => {
  const dir = path.dirname(caller), from = path.join(dir, 'noop.js');
  const file = Module._resolveFilename(id, { id: from, filename: from, paths: Module._nodeModulePaths(dir) });
  const old = require.cache[file];
  if (old && old.parent) old.parent.children.splice(old.parent.children.indexOf(old), 1);
  delete require.cache[file];
  const parent = require.cache[caller];
  return parent === undefined ? require(file) : parent.require(file);
};`,
		"node_modules/dep/index.js": "module.exports = 'dep'",
		"lib/count.js":              "globalThis.loads = (globalThis.loads || 0) + 1; module.exports = globalThis.loads",
		"hook.js": `const Module = require('module'), path = require('path'), fresh = require('fresh');
const rel = (f) => path.relative(__dirname, f);
const tryResolve = (...args) => { try { return rel(Module._resolveFilename(...args)) } catch (e) { return e.code + ' ' + JSON.stringify(e.requireStack.map(rel)) } };
const counts = [require('./lib/count'), fresh(__filename, './lib/count'), fresh(__filename, './lib/count'), require('./lib/count')];
const count = require.cache[require.resolve('./lib/count')];
module.exports = { params: () => ({ v: [
  counts.join(),
  module.children.map((c) => rel(c.id)).join(),
  count.parent === module, count.loaded, count instanceof Module, module instanceof Module, Module._cache === require.cache,
  Module._nodeModulePaths(path.join(__dirname, 'lib', 'node_modules', 'x')).slice(0, 3).map(rel).join(),
  tryResolve('dep', { id: 'x', filename: path.join(__dirname, 'lib/x.js'), paths: Module._nodeModulePaths(path.join(__dirname, 'lib')) }),
  tryResolve('./count', { id: 'x', filename: path.join(__dirname, 'lib/x.js') }),
  tryResolve('./lib/count', null),
  tryResolve('node:fs', null),
  tryResolve('dep', { id: 'x', filename: path.join(__dirname, 'lib/x.js') }),
  tryResolve('./nope', module),
  typeof Module, Module.name, Object.keys(module).join(),
].join(' | ') }) };`,
	}
	got, err := evalHook(t, files, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `1,2,3,3 | node_modules/fresh/index.js,lib/count.js | true | true | true | true | true | ` +
		`lib/node_modules/x/node_modules,lib/node_modules,node_modules | node_modules/dep/index.js | lib/count.js | lib/count.js | node:fs | ` +
		`MODULE_NOT_FOUND ["lib/x.js"] | MODULE_NOT_FOUND ["hook.js"] | function | Module | id,path,exports,filename,loaded,children,paths`
	if v, _ := got.Get("v"); v != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}
