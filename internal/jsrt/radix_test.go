package jsrt

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// TestRadixStringsAreV8s: for each line of testdata/radix.jsonl, a double
// (its bits in hex), a radix and what toString(radix) gives in Node
// 20.20.2: hand-picked numbers in every radix and random ones (random
// bits, fractions, large integers, subnormals), written by node.
func TestRadixStringsAreV8s(t *testing.T) {
	f, err := os.Open("testdata/radix.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n, bad := 0, 0
	for sc.Scan() {
		var c struct {
			bits  string
			radix int
			want  string
		}
		if err := json.Unmarshal(sc.Bytes(), &[]any{&c.bits, &c.radix, &c.want}); err != nil {
			t.Fatal(err)
		}
		u, err := strconv.ParseUint(c.bits, 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		x := math.Float64frombits(u)
		if got := radixString(x, c.radix); got != c.want && bad < 10 {
			bad++
			t.Errorf("(%v).toString(%d) = %q, want Node's %q", x, c.radix, got, c.want)
		}
		n++
	}
	if n < 1000 {
		t.Fatalf("only %d cases read", n)
	}
}

// TestRadixToStringInHooks: toString(radix) goes through radixString for
// a radix other than 10, converting the radix once; the rest is goja's,
// with Node's answers.
func TestRadixToStringInHooks(t *testing.T) {
	src := `module.exports = { params: () => {
  const caught = (f) => { try { return f() } catch (e) { return e.name + ': ' + e.message } }
  let calls = 0
  const radix = { valueOf() { calls++; return 36 } }
  return { v: [(1e21).toString(36), (-0.5).toString(2), (0.1).toString(3), new Number(255.5).toString(16), (1e21).toString(radix) + calls,
    (-1.5).toString(), (NaN).toString(2), (-Infinity).toString(36), (255).toString(16.9), (255).toString(undefined), (-0).toString(2),
    caught(() => (1).toString(37))].join() }
} }`
	got, err := evalHook(t, map[string]string{"hook.js": src}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := "5v1j4f4ds7c000,-0.1,0.0022002200220022002200220022002201,ff.8,5v1j4f4ds7c0001," +
		"-1.5,NaN,-Infinity,ff,255,0,RangeError: toString() radix argument must be between 2 and 36"
	if s := jsvalue.ToString(v); s != want {
		t.Errorf("got:\n%s\nwant (Node 20's):\n%s", s, want)
	}
}
