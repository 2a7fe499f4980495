package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// In a folder without templates, list, discover and help show the built-in
// generators, since those are what a generation runs there; with a
// templates root they do not, since they would not run.
func TestBuiltinsShownWhereTheyRun(t *testing.T) {
	row := regexp.MustCompile(`(?m)^init +self +5$`)
	for _, tt := range []struct {
		name     string
		dir      string
		builtins bool
	}{
		{"empty folder", t.TempDir(), true},
		{"project", testfs.Tree(t, map[string]string{"_templates/page/new/p.ejs.t": "---\nto: p.txt\n---\np\n"}), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, args := range [][]string{{"list"}, {"discover"}} {
				r := run(t, tt.dir, nil, args...)
				if r.code != 0 {
					t.Fatalf("%v: %v", args, r)
				}
				if got := row.MatchString(r.stdout) && strings.Contains(r.stdout, "built-in generators run here"); got != tt.builtins {
					t.Errorf("%v shows the built-ins: %v, want %v\n%s", args, got, tt.builtins, r.stdout)
				}
			}
			r := run(t, tt.dir, nil, "list", "--json")
			var got struct {
				Builtin    bool
				Generators []struct{ Name string }
			}
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 0 {
				t.Fatalf("%v: %v", err, r)
			}
			if got.Builtin != tt.builtins || len(got.Generators) == 0 || (got.Generators[0].Name == "generator") != tt.builtins {
				t.Errorf("list --json: %+v", got)
			}
		})
	}
	if r := run(t, t.TempDir(), nil, "help"); !strings.Contains(r.stdout, "init repo|self") {
		t.Errorf("help does not name the built-in generators:\n%s", r.stdout)
	}
}

// A built-in generator's run names the built-ins on its "Loaded templates:"
// line, not the temporary folder they were read from.
func TestBuiltinRunNamesTheBuiltins(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, nil, "generator", "new", "--name", "widget")
	if r.code != 0 {
		t.Fatal(r)
	}
	if !strings.Contains(r.stdout, "Loaded templates: hypergen's built-in generators\n") || strings.Contains(r.stdout, "hypergen-builtin-") {
		t.Errorf("Loaded templates line:\n%s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "_templates", "widget", "new", "hello.ejs.t")); err != nil {
		t.Errorf("the built-in did not write its template: %v", err)
	}
}

// An error in a built-in generator's template names it as a built-in, not
// by the temporary folder it was read from, which is gone by then.
func TestBuiltinErrorNamesTheBuiltin(t *testing.T) {
	r := run(t, t.TempDir(), nil, "generator", "new", "--name", "../../evil")
	if r.code != 1 || !strings.Contains(r.stderr, "hypergen's built-in generators: generator/new/hello.ejs.t: ") || strings.Contains(r.stderr, "hypergen-builtin-") {
		t.Errorf("want exit 1 naming the built-in template:\n%v", r)
	}
}
