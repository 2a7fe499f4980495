package jsrt

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// TestISOStringsOfFarYears: toISOString and JSON.stringify write a year
// outside 0000..9999 signed with six digits, which Date parses back to
// the same time; the answers are Node 20's.
func TestISOStringsOfFarYears(t *testing.T) {
	src := `module.exports = { params: () => {
  const ms = [Date.UTC(-1, 0, 1), -62198755200001, 253402300800000, 253402300799999, 8.64e15, -8.64e15, -62167219200000, Date.UTC(-9999, 0, 1), Date.UTC(-10000, 0, 1), 0]
  const caught = (f) => { try { return f() } catch (e) { return e.name + ': ' + e.message } }
  return { v: [...ms.map((t) => { const d = new Date(t); return d.toISOString() + ' ' + (new Date(d.toISOString()).getTime() === t) }),
    JSON.stringify({ d: new Date(253402300800000) }), caught(() => new Date(NaN).toISOString()), Date.prototype.toISOString.name, Date.prototype.toISOString.length,
    caught(() => Date.prototype.toISOString.call({})), Object.keys(Date.prototype).length].join('\n') }
} }`
	got, err := evalHook(t, map[string]string{"hook.js": src}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := `-000001-01-01T00:00:00.000Z true
-000002-12-31T23:59:59.999Z true
+010000-01-01T00:00:00.000Z true
9999-12-31T23:59:59.999Z true
+275760-09-13T00:00:00.000Z true
-271821-04-20T00:00:00.000Z true
0000-01-01T00:00:00.000Z true
-009999-01-01T00:00:00.000Z true
-010000-01-01T00:00:00.000Z true
1970-01-01T00:00:00.000Z true
{"d":"+010000-01-01T00:00:00.000Z"}
RangeError: Invalid time value
toISOString
0
TypeError: Method Date.prototype.toISOString called on incompatible receiver #<Object>
0`
	if s := jsvalue.ToString(v); s != want {
		t.Errorf("got:\n%s\nwant (Node 20's):\n%s", s, want)
	}
	out, err := render(t, `<%- JSON.stringify([new Date(-62198755200000)]) %>`, nil)
	if want := `["-000001-01-01T00:00:00.000Z"]`; err != nil || out != want {
		t.Errorf("template: %q, %v; want %q", out, err, want)
	}
	// A Date made elsewhere (fs.Stats' times) and only formatted here.
	if featuresOf("stats.mtime.toISOString()")&featLocale == 0 {
		t.Error("toISOString alone does not install the mended method")
	}
}
