package jsrt

import "testing"

// import() of a file: URL, as a string or a URL, loads the file, as Node's
// does (cosmiconfig imports a .mjs config so, and fell back to require,
// which gave it the namespace as its default). It was MODULE_NOT_FOUND.
// Node 20.20.2 gives the same.
func TestImportFileURL(t *testing.T) {
	got, err := evalHook(t, map[string]string{
		"x.mjs": "export default { a: 10 }; export const b = 2",
		"y.cjs": "module.exports = 'y'",
		"hook.js": `const { pathToFileURL } = require('url');
module.exports = { params: async () => {
  const a = await import(pathToFileURL(__dirname + '/x.mjs').href);
  const b = await import(pathToFileURL(__dirname + '/y.cjs'));
  return { v: JSON.stringify([a.default, a.b, b.default]) };
} }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != `[{"a":10},2,"y"]` {
		t.Errorf("got %s", v)
	}
}
