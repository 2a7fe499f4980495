package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// An object made of flags keeps their order in a Liquid template, as
// JSON.stringify and liquidjs do: json sorted its keys, and size was 0.
func TestLiquidObjectFromFlags(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.liquid.t": "---\nto: out.txt\n---\n{{ meta | json }} {{ meta | size }}{% for p in meta %} {{ p[0] }}{% endfor %}",
	})
	if r := run(t, dir, nil, "g", "new", "--meta.z", "1", "--meta.a", "2"); r.code != 0 {
		t.Fatal(r)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "out.txt")); err != nil || string(b) != `{"z":1,"a":2} 2 z a` {
		t.Errorf("out.txt = %q, %v", b, err)
	}
}
