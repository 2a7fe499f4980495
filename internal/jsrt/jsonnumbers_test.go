package jsrt

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// TestJSONNumbersBeyondDoubles: a number beyond the double range is
// ±Infinity in V8's JSON.parse and require of a .json file, where goja
// refused it; what else the text holds, and a reviver, work as for any
// text. The answers are Node 20's.
func TestJSONNumbersBeyondDoubles(t *testing.T) {
	src := `module.exports = { params: () => {
  const caught = (f) => { try { return f() } catch (e) { return e.name + ': ' + e.message } }
  const o = JSON.parse('{"__proto__":[1e400],"b":{"c":-1e400,"d":"x"},"b":{"e":2e308}}')
  return { v: [
    JSON.parse('1e400'), JSON.parse(' -1E+400 '), JSON.parse('1e-400'),
    Object.keys(o).join('+'), Array.isArray(o.__proto__), Object.getPrototypeOf(o) === Object.prototype, o.b.e, 'c' in o.b,
    JSON.stringify(JSON.parse('[1e999,2,{"a":[3,1e999]}]', (k, v) => v === Infinity ? 'inf' : v === 2 ? undefined : v)),
    JSON.parse('[1e400]', function (k, v) { return k === '' ? Object.keys(this).length : v }),
    require('./big.json').n,
    caught(() => JSON.parse('[1e400,]')),
  ].join('\n') }
} }`
	got, err := evalHook(t, map[string]string{"hook.js": src, "big.json": "{\"n\": 1e400}\n"}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := `Infinity
-Infinity
0
__proto__+b
true
true
Infinity
false
["inf",null,{"a":[3,"inf"]}]
1
Infinity
SyntaxError: Unexpected token ']', "[1e400,]" is not valid JSON`
	if s := jsvalue.ToString(v); s != want {
		t.Errorf("got:\n%s\nwant (Node 20's):\n%s", s, want)
	}
}
