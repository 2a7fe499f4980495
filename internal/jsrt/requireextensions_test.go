package jsrt

import (
	"strings"
	"testing"
)

// require.extensions (Module._extensions) lists the extensions require
// tries, as in Node, for packages that read it (tsconfig-paths maps ids
// with Object.keys(require.extensions)); Node 20.20.2 gives
// ".js,.json,.node,true,function". Calling a loader is refused: hypergen
// loads modules itself. It was undefined, and tsconfig-paths' register
// failed every require with a TypeError.
func TestRequireExtensions(t *testing.T) {
	got, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => ({ v: [Object.keys(require.extensions).join(),
  require.extensions === require('module')._extensions, typeof require.extensions['.js']].join() }) }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != ".js,.json,.node,true,function" {
		t.Errorf("got %s", v)
	}
	_, err = evalHook(t, map[string]string{"x.js": "", "hook.js": `require.extensions['.js'](module, require.resolve('./x.js'))`}, RunOptions{})
	if err == nil || !strings.Contains(err.Error(), "is not available in hypergen") {
		t.Errorf("err = %v", err)
	}
}
