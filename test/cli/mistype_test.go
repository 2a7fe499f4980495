package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// Mistyped generators, actions, commands and flags get a "did you mean".
func TestDidYouMean(t *testing.T) {
	dir := project(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"generator", []string{"compnent", "new", "X"}, 1, `(did you mean "component"?); available:`},
		{"action", []string{"component", "nwe", "X"}, 1, `_templates (did you mean "new"?); available:`},
		{"command", []string{"lsit"}, 2, "did you mean the command 'hypergen list'?"},
		{"perf command", []string{"perf", "benchmrak"}, 2, `unknown command "benchmrak" (did you mean "benchmark"?)`},
		{"command flag", []string{"list", "--jsno"}, 2, "unknown flag: --jsno (did you mean --json?)"},
		{"perf flag", []string{"perf", "benchmark", "--iteration", "1"}, 2, "(did you mean --iterations?)"},
		{"help topic", []string{"help", "lsit"}, 2, `(did you mean "list"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, dir, nil, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("want exit %d and %q on stderr; got %v", tt.code, tt.want, r)
			}
		})
	}
	// Far from everything: no suggestion at all.
	if r := run(t, dir, nil, "zzzzzz", "new"); strings.Contains(r.stderr, "did you mean") {
		t.Errorf("suggested something for zzzzzz: %v", r)
	}
}

// A flag one edit from one of hypergen's own that nothing in the action
// reads is refused before anything runs; the same flag is a local as usual
// when a template reads it, and a correct --dry still works.
func TestGenerateFlagTypo(t *testing.T) {
	dir := project(t)
	r := run(t, dir, nil, "component", "new", "Button", "--dyr")
	if r.code != 2 || !strings.Contains(r.stderr, "--dyr is one edit from hypergen's --dry") || !strings.Contains(r.stderr, "did you mean --dry?") {
		t.Errorf("--dyr: %v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "src", "Button.txt")); err == nil {
		t.Error("the mistyped --dyr generation wrote files")
	}
	r = run(t, dir, nil, "component", "new", "Button", "--answer", "x.json")
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean --answers?") {
		t.Errorf("--answer: %v", r)
	}
	// --async is one edit from --fsync, but ejs reads it from the locals:
	// the run fails on it as hygen's does, saying why.
	r = run(t, dir, nil, "component", "new", "Button", "--async")
	if r.code != 1 || !strings.Contains(r.stderr, "which ejs takes as its async option") {
		t.Errorf("--async: %v", r)
	}

	// A template that reads the local: the flag is the template's.
	if err := os.WriteFile(filepath.Join(dir, "_templates", "page", "new", "d.ejs.t"),
		[]byte("---\nto: pages/dyr.txt\n---\n<%= dyr %>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, nil, "page", "new", "Home", "--dyr", "up")
	if b, err := os.ReadFile(filepath.Join(dir, "pages", "dyr.txt")); r.code != 0 || err != nil || string(b) != "up\n" {
		t.Errorf("--dyr read by a template: %v; file %q, %v", r, b, err)
	}
	// Read elsewhere: by a partial in another folder of the templates, by
	// the project's .hygen.js, or by a template that takes locals whole.
	for _, c := range []struct{ flag, file, text string }{
		{"helm", "_templates/_partials/deploy.ejs", "<%= locals.helm ? 'helm' : 'plain' %>"},
		{"hepl", ".hygen.js", "module.exports = { localsDefaults: { hepl: 'no' } }\n"},
		{"fsyn", "_templates/component/new/z.ejs.t", "---\nto: src/locals.json\n---\n<%= Object.keys(locals).length > 3 %>\n"},
	} {
		r = run(t, dir, nil, "component", "new", "Button", "--"+c.flag)
		if r.code != 2 || !strings.Contains(r.stderr, "did you mean") {
			t.Errorf("--%s read nowhere yet: %v", c.flag, r)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, c.file)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		r = run(t, dir, []string{"HYGEN_OVERWRITE=1"}, "component", "new", "Button", "--"+c.flag)
		if r.code != 0 || strings.Contains(r.stderr, "did you mean") {
			t.Errorf("--%s read by %s: %v", c.flag, c.file, r)
		}
	}
	// Named only in a template's text, or read a property at a time, it is
	// still refused; spread into another object, it is read.
	for _, c := range []struct {
		body string
		read bool
	}{
		{"Templates get their locals; helpers come from h.\n", false},
		{"<%= locals?.title %> <%= locals['x'] %>\n", false},
		{"<% const all = {...locals} %><%= Object.keys(all).length %>\n", true},
	} {
		gen := testfs.Tree(t, map[string]string{"_templates/g/new/a.t": "---\nto: out.txt\n---\n" + c.body})
		r := run(t, gen, nil, "g", "new", "--dyr")
		if refused := r.code == 2 && strings.Contains(r.stderr, "did you mean --dry?"); refused == c.read {
			t.Errorf("%q: read %v, but got %v", c.body, c.read, r)
		}
	}
	// JavaScript that may read every flag: a hook that takes args whole or
	// reads process.argv, a .hygen.js whose helpers are a function of the
	// locals. A hook reading one property, or helpers given as an object,
	// read no other flag.
	for _, c := range []struct {
		name  string
		files map[string]string
		read  bool
	}{
		{"hook takes args", map[string]string{"_templates/g/new/index.js": "module.exports = { params: ({ args }) => ({ flags: Object.keys(args).join() }) }\n"}, true},
		{"hook reads process.argv", map[string]string{"_templates/g/new/index.js": "module.exports = { params: () => ({ flags: process.argv.slice(2).join(' ') }) }\n"}, true},
		{"helpers function", map[string]string{".hygen.js": "module.exports = { helpers: (l) => ({ all: () => Object.keys(l).join() }) }\n"}, true},
		{"helpers method", map[string]string{".hygen.js": "module.exports = {\n  helpers(l) { return { all: () => Object.keys(l).join() } },\n}\n"}, true},
		{"hook reads one arg", map[string]string{"_templates/g/new/index.js": "module.exports = { params: (p) => ({ title: p.args.name }) }\n"}, false},
		{"helpers object", map[string]string{".hygen.js": "module.exports = { helpers: { up: (s) => s.toUpperCase() } }\n"}, false},
	} {
		c.files["_templates/g/new/a.t"] = "---\nto: out.txt\n---\nx\n"
		r := run(t, testfs.Tree(t, c.files), nil, "g", "new", "--name", "x", "--dyr")
		if refused := r.code == 2 && strings.Contains(r.stderr, "did you mean --dry?"); refused == c.read {
			t.Errorf("%s: read %v, but got %v", c.name, c.read, r)
		}
	}
	r = run(t, dir, nil, "component", "new", "Button", "--dry")
	if r.code != 0 || !strings.Contains(r.stdout, "(dry mode)") {
		t.Errorf("--dry: %v", r)
	}
	// Spelled right but given a value: said so, not taken for a typo nor
	// for a local, and nothing is written.
	for _, flag := range []string{"--allow-outside=true", "--help=true", "--help=false"} {
		r = run(t, dir, nil, "component", "new", "Widget", flag)
		name, _, _ := strings.Cut(flag, "=")
		if r.code != 2 || !strings.Contains(r.stderr, flag+": "+name+" takes no value") || strings.Contains(r.stderr, "did you mean") {
			t.Errorf("%s: %v", flag, r)
		}
		if _, err := os.Stat(filepath.Join(dir, "src", "Widget.txt")); err == nil {
			t.Fatalf("%s wrote src/Widget.txt", flag)
		}
	}
}

// An inject whose after:/before: marker is missing behaves as in hygen (the
// line goes to the top; stdout unchanged) and says so on stderr.
func TestInjectMarkerMissingWarns(t *testing.T) {
	dir := project(t)
	if err := os.WriteFile(filepath.Join(dir, "src", "index.txt"), []byte("nothing to see\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, "component", "new", "Button")
	if r.code != 0 {
		t.Fatal(r)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "src", "index.txt"))
	if string(b) != "export Button\n\nnothing to see\n" {
		t.Errorf("index.txt = %q", b)
	}
	want := `b.ejs.t: after: // components matches nothing in the target; injected at the top, as hygen does`
	if !strings.Contains(r.stderr, "warning: ") || !strings.Contains(r.stderr, want) {
		t.Errorf("no warning %q: %v", want, r)
	}
	if strings.Contains(r.stdout, "warning") {
		t.Errorf("the warning went to stdout: %v", r)
	}
	// With the marker present: no warning.
	if err := os.WriteFile(filepath.Join(dir, "src", "index.txt"), []byte("// components\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, []string{"HYGEN_OVERWRITE=1"}, "component", "new", "Button"); r.code != 0 || strings.Contains(r.stderr, "warning") {
		t.Errorf("marker present: %v", r)
	}
}

// The guard reads a linked action folder's files, as the run does, and
// reads a large file of the templates root only in part.
func TestGenerateFlagTypoLinksAndLargeFiles(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"shared/new/a.t":       "---\nto: out.txt\n---\n<%= locals.dyr %>\n",
		"_templates/x/new/a.t": "---\nto: x.txt\n---\nx\n",
	})
	if err := os.Mkdir(filepath.Join(dir, "_templates", "g"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "shared", "new"), filepath.Join(dir, "_templates", "g", "new")); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, nil, "g", "new", "--dyr", "yes"); r.code != 0 {
		t.Errorf("--dyr read by a linked action folder's template: %v", r)
	}
	big, err := os.Create(filepath.Join(dir, "_templates", "x", "asset.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(256 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	big.Close()
	if r := run(t, dir, nil, "x", "new", "--dyr"); r.code != 2 || !strings.Contains(r.stderr, "did you mean --dry?") {
		t.Errorf("--dyr beside a 256 MiB file: %v", r)
	}
}
