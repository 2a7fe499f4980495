package jsrt

import (
	"strings"
	"testing"
)

// A Module made with new Module and filled by _compile runs its code as
// a module of that file, as Node's does: require-from-string loads code
// so. Node 20.20.2 gives "dep:lib,true,lib,0". _compile was missing.
func TestModuleCompile(t *testing.T) {
	got, err := evalHook(t, map[string]string{
		"node_modules/dep/index.js": "module.exports = 'dep'",
		"lib/x.js":                  "module.exports = 'x'",
		"hook.js": `const Module = require('module'), path = require('path');
const fromString = (code, filename) => {
  const m = new Module(filename, module);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  m._compile(code, filename);
  module.children.splice(module.children.indexOf(m), 1);
  return m.exports;
};
const v = fromString("const path = require('path'); module.exports = [require('dep') + ':' + path.basename(__dirname), this === exports, require('./x') && path.basename(__dirname)]", path.join(__dirname, 'lib', 'virtual.js'));
module.exports = { params: () => ({ v: v.join() + ',' + module.children.filter((c) => c.id.endsWith('virtual.js')).length }) };`,
	}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "dep:lib,true,lib,0" {
		t.Errorf("got %s", v)
	}
	_, err = evalHook(t, map[string]string{"hook.js": `const Module = require('module'); new Module('x')._compile('throw new TypeError("inside")', '/x.js')`}, RunOptions{})
	if err == nil || !strings.Contains(err.Error(), "TypeError: inside") {
		t.Errorf("err = %v", err)
	}
}
