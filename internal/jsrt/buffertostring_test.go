package jsrt

import "testing"

// A Buffer's toString on what is not one, a Proxy of a Buffer among them,
// is V8's TypeError, as in Node 20.20.2, whose text ends in "[object
// Uint8Array]" for the Proxy (goja's Object.prototype.toString of a Proxy
// is "[object Object]"): it called itself until the call stack ran out.
func TestBufferToStringOfProxy(t *testing.T) {
	got, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => {
  const tryString = (v) => { try { return String(v) } catch (e) { return e.constructor.name + ': ' + e.message } };
  return { v: [tryString(new Proxy(Buffer.from('pb'), {})), tryString(Buffer.from('ab')), Buffer.from('cd').toString('hex')].join(' | ') };
} }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "TypeError: Method get TypedArray.prototype.length called on incompatible receiver [object Object] | ab | 6364"
	if v, _ := got.Get("v"); v != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}
