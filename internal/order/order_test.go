package order

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestMatchesNodeLocaleCompare checks Sort against the order Node produced in
// testdata/gen_golden.js.
func TestMatchesNodeLocaleCompare(t *testing.T) {
	raw, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct{ Input, Sorted []string }
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	got := append([]string(nil), g.Input...)
	Sort(got)
	if !reflect.DeepEqual(got, g.Sorted) {
		for i := range got {
			if got[i] != g.Sorted[i] {
				t.Errorf("position %d: got %q, want %q", i, got[i], g.Sorted[i])
			}
		}
	}
}

func BenchmarkSort1000(b *testing.B) {
	base := make([]string, 1000)
	for i := range base {
		base[i] = "/tmpl/gen/new/file-" + string(rune('a'+i%26)) + string(rune('A'+i%7)) + ".ejs.t"
	}
	paths := make([]string, len(base))
	for b.Loop() {
		copy(paths, base)
		Sort(paths)
	}
}
