package jsregexp

import (
	"encoding/json"
	"os"
	"testing"
	"time"
	"unicode/utf16"
)

// TestMatchesLikeV8 runs testdata/cases.json (pattern, flags, input) and
// compares the first match with what V8 (Node 20) found for the same case,
// recorded in testdata/node.json by testdata/node.js.
func TestMatchesLikeV8(t *testing.T) {
	var cases [][3]string
	var want []any
	for file, v := range map[string]any{"testdata/cases.json": &cases, "testdata/node.json": &want} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	if len(cases) != len(want) {
		t.Fatalf("%d cases, %d results from node: run node testdata/node.js > testdata/node.json", len(cases), len(want))
	}
	for i, c := range cases {
		var got any = "error"
		if re, err := Compile(c[0], c[1], time.Second); err == nil {
			m, err := re.FindStringMatch(c[2])
			switch {
			case err != nil:
				t.Fatal(err)
			case m == nil:
				got = nil
			default:
				// V8's index counts UTF-16 code units; regexp2's, runes.
				index := len(utf16.Encode([]rune(c[2])[:m.RuneIndex]))
				got = map[string]any{"index": float64(index), "match": m.String()}
			}
		}
		if g, w := jsonOf(got), jsonOf(want[i]); g != w {
			t.Errorf("/%s/%s on %q: got %s, V8 %s", c[0], c[1], c[2], g, w)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
