package jsrt

import "testing"

// require.resolve(id, { paths }) and Module._resolveFilename's options
// look in the listed folders as Node's do: a package in each folder's
// node_modules folders (and the global ones) in turn, a relative id from
// each folder; the option was ignored, and ids resolved from the module's
// own folder. Node 20.20.2 gives the same, but for the require stacks,
// which go on with the hook's own parent (hygen's loader when hygen runs
// it).
func TestRequireResolvePaths(t *testing.T) {
	got, err := evalHook(t, map[string]string{
		"a/node_modules/pa/index.js": "module.exports='a/pa'",
		"b/node_modules/pb/index.js": "module.exports='b/pb'",
		"b/node_modules/pa/index.js": "module.exports='b/pa'",
		"b/rel.js":                   "x",
		"hook.js":                    "module.exports = require('./hook/hook.js')",
		"hook/hook.js": `const path = require('path'), Module = require('module');
const root = path.dirname(__dirname);
const rel = (f) => path.relative(root, f);
const t = (f) => { try { return rel(f()) } catch (e) { return e.code + ' ' + JSON.stringify(e.message.split('\n')[0]) + ' ' + JSON.stringify((e.requireStack || []).map(rel)) } };
module.exports = { params: () => ({ v: [
  t(() => require.resolve('pa', { paths: [path.join(root, 'a'), path.join(root, 'b')] })),
  t(() => require.resolve('pb', { paths: [path.join(root, 'a'), path.join(root, 'b')] })),
  t(() => require.resolve('pa', { paths: [path.join(root, 'b', 'deep')] })),
  t(() => require.resolve('./rel', { paths: [path.join(root, 'a'), path.join(root, 'b')] })),
  t(() => require.resolve('./rel.js', { paths: ['b'] })),
  t(() => require.resolve('nope', { paths: [path.join(root, 'a')] })),
  t(() => require.resolve('pa', {})),
  t(() => require.resolve('pa', { paths: 'x' })),
  t(() => require.resolve('fs', { paths: ['x'] })),
  t(() => Module._resolveFilename('pb', module, false, { paths: [path.join(root, 'b')] })),
  t(() => require.resolve(path.join(root, 'b/rel.js'), { paths: [path.join(root, 'a')] })),
].join(' | ') }) };
`,
	}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `a/node_modules/pa/index.js | b/node_modules/pb/index.js | b/node_modules/pa/index.js | b/rel.js | b/rel.js | ` +
		`MODULE_NOT_FOUND "Cannot find module 'nope'" ["hook/hook.js","hook.js"] | MODULE_NOT_FOUND "Cannot find module 'pa'" ["hook/hook.js","hook.js"] | ` +
		`ERR_INVALID_ARG_VALUE "The property 'options.paths' is invalid. Received 'x'" [] | fs | b/node_modules/pb/index.js | b/rel.js`
	if v, _ := got.Get("v"); v != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}
