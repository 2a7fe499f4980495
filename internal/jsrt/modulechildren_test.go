package jsrt

import "testing"

// A module's children take the modules it requires, as Node's do, whatever
// a script made of the array's methods (Node changes the array with its
// own copies of them), and lose one whose loading failed. Node 20.20.2
// gives "lib/ok.js|1".
func TestModuleChildren(t *testing.T) {
	got, err := evalHook(t, map[string]string{
		"lib/ok.js":  "module.exports = 1",
		"lib/bad.js": "throw new Error('bad')",
		"hook.js": `const path = require('path');
module.children.push = 5; module.children.includes = () => true;
try { require('./lib/bad') } catch (e) {}
const n = require('./lib/ok');
module.exports = { params: () => ({ v: module.children.map((c) => path.relative(__dirname, c.id)).join() + '|' + n }) };`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "lib/ok.js|1" {
		t.Errorf("got %s", v)
	}
}
