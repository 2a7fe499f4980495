package jsrt

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// TestJSONErrorsAreV8s: for each text of testdata/json-errors.jsonl, the
// message JSON.parse gives in Node 20.20.2 ("ok" if it parses). The file
// holds hand-picked faults and random ones, each line written by node as
// JSON.stringify([text, message]).
func TestJSONErrorsAreV8s(t *testing.T) {
	f, err := os.Open("testdata/json-errors.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var pair [2]string
		if err := json.Unmarshal(sc.Bytes(), &pair); err != nil {
			t.Fatal(err)
		}
		got := jsonSyntaxError(pair[0])
		if got == "" {
			got = "ok"
		}
		if got != pair[1] {
			t.Errorf("%q: %q, want Node's %q", pair[0], got, pair[1])
		}
		n++
	}
	if n < 400 {
		t.Fatalf("only %d cases read", n)
	}
}

// TestJSONErrorsOfDeepText: a text nested a million levels deep is read
// without recursion; one over jsonProbeLimit is not read again.
func TestJSONErrorsOfDeepText(t *testing.T) {
	if got := jsonSyntaxError(strings.Repeat("[", 1_000_000)); got != jsonEOS {
		t.Errorf("got %q", got)
	}
	if got := jsonSyntaxError(strings.Repeat(`{"a":[`, 200_000) + "x"); !strings.HasPrefix(got, "Unexpected token 'x', ...") {
		t.Errorf("got %q", got)
	}
	if got := jsonSyntaxError(strings.Repeat(" ", jsonProbeLimit) + "x"); got != "" {
		t.Errorf("a text over the limit was read again: %q", got)
	}
}

// TestJSONParseInHooks: JSON.parse and require of a .json file fail with
// Node's SyntaxError and message; a reviver's own exception, and what
// parses, are untouched.
func TestJSONParseInHooks(t *testing.T) {
	src := `module.exports = { params: () => {
  const caught = (f) => { try { f(); return 'no error' } catch (e) { return e.name + ': ' + e.message } }
  return { v: [
    caught(() => JSON.parse('{"a":1,}')),
    caught(() => require('./bad.json')).replace(__dirname, 'DIR'),
    caught(() => JSON.parse('[1,2]', (k, v) => { if (k === '1') throw new RangeError('from reviver'); return v })),
    JSON.parse('{"a":[1]}', (k, v) => typeof v === 'number' ? v * 2 : v).a[0],
    JSON.parse.name + JSON.parse.length,
  ].join('\n') }
} }`
	got, err := evalHook(t, map[string]string{"hook.js": src, "bad.json": "{\"a\": tru}\n"}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := `SyntaxError: Expected double-quoted property name in JSON at position 7
SyntaxError: DIR/bad.json: Unexpected token '}', "{"a": tru}
" is not valid JSON
RangeError: from reviver
2
parse2`
	if s := jsvalue.ToString(v); s != want {
		t.Errorf("got:\n%s\nwant (Node 20.20.2's):\n%s", s, want)
	}
}
