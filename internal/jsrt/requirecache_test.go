package jsrt

import "testing"

// What a script puts in require.cache for a file is what require gives,
// before the file was ever loaded too (mocking packages plant modules so),
// and anything but undefined counts: Node 20.20.2 gives
// "planted,real,again," (the exports of 5 are undefined). The planted
// entry was ignored until the file had been loaded once.
func TestRequireCachePlanted(t *testing.T) {
	got, err := evalHook(t, map[string]string{
		"x.js": "module.exports = 'real'",
		"hook.js": `const p = require.resolve('./x');
require.cache[p] = { exports: 'planted' };
const a = require('./x');
delete require.cache[p];
const b = require('./x');
require.cache[p] = { exports: 'again', loaded: true };
const c = require('./x');
require.cache[p] = 5;
const d = require('./x');
module.exports = { params: () => ({ v: [a, b, c, d].join() }) };`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "planted,real,again," {
		t.Errorf("got %s", v)
	}
}
