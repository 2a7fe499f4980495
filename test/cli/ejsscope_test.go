package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A --scope flag is ejs's deprecated scope option to hygen (ejs.render
// copies option names from the data): ejs prints its deprecation warning
// once per process, on the first text it renders, whether or not the text
// holds a tag, and --context, when given, is this instead.
func TestScopeFlagWarnsOnceAndSetsThis(t *testing.T) {
	const warning = "`scope` option is deprecated and will be removed in EJS 3\n"
	files := map[string]string{}
	for i := range 8 { // several render workers, each with its runtime
		files[fmt.Sprintf("_templates/a/new/t%d.t", i)] = fmt.Sprintf("---\nto: out%d.txt\n---\n<%%= this %%>\n", i)
	}
	literal := map[string]string{"_templates/a/new/x.t": "---\nto: out.txt\n---\nno tags\n"}
	for _, c := range []struct {
		name  string
		files map[string]string
		args  []string
		this  string // what out0.txt holds, "" for no such file
		warns bool
	}{
		{"scope", files, []string{"--scope", "@acme"}, "@acme\n", true},
		{"context wins over scope", files, []string{"--scope", "@acme", "--context", "ctx"}, "ctx\n", true},
		{"context alone", files, []string{"--context", "ctx"}, "ctx\n", false},
		{"texts without tags", literal, []string{"--scope", "@acme"}, "", true},
		{"neither", files, nil, "[object global]\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Tree(t, c.files)
			r := run(t, dir, []string{"GOMAXPROCS=4"}, append([]string{"a", "new"}, c.args...)...)
			if r.code != 0 {
				t.Fatalf("got %v", r)
			}
			if n := strings.Count(r.stderr, warning); n != map[bool]int{true: 1}[c.warns] {
				t.Errorf("the warning printed %d times, want it %v: %v", n, c.warns, r)
			}
			if c.this == "" {
				return
			}
			if b, err := os.ReadFile(filepath.Join(dir, "out0.txt")); err != nil || string(b) != c.this {
				t.Errorf("out0.txt = %q (%v), want %q", b, err, c.this)
			}
		})
	}
}
