package jsrt

import "testing"

// An ES module's top-level this is undefined, as in Node, where it was
// the module object. Node 20.20.2 gives "undefined".
func TestESModuleThisIsUndefined(t *testing.T) {
	got, err := evalHook(t, map[string]string{"hook.mjs": "const t = this; export const params = () => ({ v: String(t) })"}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "undefined" {
		t.Errorf("got %s", v)
	}
}
