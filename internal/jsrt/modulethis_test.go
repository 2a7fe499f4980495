package jsrt

import "testing"

// A module's top-level this is its exports, as in Node (old UMD bundles
// set their exports on it); it was the module object. Node 20.20.2 gives
// "true,false,number".
func TestModuleThisIsExports(t *testing.T) {
	got, err := evalHook(t, map[string]string{"hook.js": `const self = this;
this.marker = 1;
module.exports = { params: () => ({ v: [self === exports, self === module, typeof exports.marker].join() }) };`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "true,false,number" {
		t.Errorf("got %s", v)
	}
}
