package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// A setting that points at nothing is an error naming it, never a silent
// fall back to something else.
func TestExplicitSettingsPointingAtNothing(t *testing.T) {
	dir := project(t)
	for _, args := range [][]string{
		{"list", "--templates", "/nope"},
		{"perf", "optimize", "--templates", "/nope"},
		{"perf", "monitor", "--templates", "/nope"},
	} {
		r := run(t, dir, nil, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "--templates /nope: no such folder") || strings.Contains(r.stdout, "component") {
			t.Errorf("%v: %v", args, r)
		}
	}
	addr := testenv.FreeAddr(t) // nothing listens there
	for _, tt := range []struct {
		args []string
		env  []string
		code int
		want string
	}{
		{[]string{"perf", "status", "--agent", "notaurl"}, nil, 2, `--agent="notaurl": want the agent's admin URL`},
		{[]string{"perf", "status", "--agent", "http://" + addr}, nil, 1, "no agent status at http://" + addr + " (--agent)"},
	} {
		r := run(t, dir, tt.env, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "measuring in this process") {
			t.Errorf("%v %v: want exit %d and %q; got %v", tt.env, tt.args, tt.code, tt.want, r)
		}
	}
}

// HYGEN_TMPLS that is not a folder: hygen falls back to ./_templates, so
// hypergen does too (with a warning); with no ./_templates either, the error
// names the variable's value instead of telling the user to set it.
func TestHygenTmplsNotAFolder(t *testing.T) {
	dir := project(t)
	r := run(t, dir, []string{"HYGEN_TMPLS=/nonexistent"}, "component", "new", "Button")
	if r.code != 0 || !strings.Contains(r.stderr, `HYGEN_TMPLS="/nonexistent" is not a folder; using `) {
		t.Errorf("fallback: %v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "src", "Button.txt")); err != nil {
		t.Errorf("fallback did not generate: %v", err)
	}
	// HYGEN_TMPLS naming ./_templates itself is a folder: no warning, from a
	// generation or from perf optimize.
	for _, v := range []string{filepath.Join(dir, "_templates"), "_templates"} {
		for _, args := range [][]string{{"page", "new", "Home", "--dry"}, {"perf", "optimize"}} {
			if r := run(t, dir, []string{"HYGEN_TMPLS=" + v}, args...); r.code != 0 || strings.Contains(r.stderr, "not a folder") {
				t.Errorf("HYGEN_TMPLS=%s %v: %v", v, args, r)
			}
		}
	}
	empty := t.TempDir()
	for _, args := range [][]string{{"component", "new"}, {"list"}} {
		r := run(t, empty, []string{"HYGEN_TMPLS=/nonexistent"}, args...)
		if r.code == 0 || !strings.Contains(r.stderr, `HYGEN_TMPLS="/nonexistent" is not a folder`) || strings.Contains(r.stderr, "set HYGEN_TMPLS") {
			t.Errorf("%v: %v", args, r)
		}
	}
	if r := run(t, empty, nil, "list"); !strings.Contains(r.stderr, "set HYGEN_TMPLS") {
		t.Errorf("unset HYGEN_TMPLS: the hint should suggest setting it: %v", r)
	}
}

// HYGEN_OVERWRITE=0 overwrites, as in hygen (any value does), which one who
// wrote it to be asked would not expect: hypergen says so. A value that
// reads as on says nothing.
func TestHygenOverwriteThatLooksOff(t *testing.T) {
	for _, c := range []struct {
		value string
		warns bool
	}{{"0", true}, {"False", true}, {"off", true}, {"1", false}, {"yes", false}} {
		dir := project(t)
		if err := os.WriteFile(filepath.Join(dir, "src", "Button.txt"), []byte("edited\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := run(t, dir, []string{"HYGEN_OVERWRITE=" + c.value}, "component", "new", "Button")
		b, _ := os.ReadFile(filepath.Join(dir, "src", "Button.txt"))
		if r.code != 0 || string(b) != "Button css\n" || strings.Contains(r.stderr, "overwrites existing files without asking") != c.warns {
			t.Errorf("HYGEN_OVERWRITE=%s: want the file overwritten, a warning %v; got %q\n%v", c.value, c.warns, b, r)
		}
	}
}

// A flag given an empty value, as --answers "$FILE" with FILE unset gives,
// is a usage error naming it: each ran as if the flag were not there (a
// generation without its answers file, say).
func TestEmptyFlagValuesAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"component", "new", "Button", "--answers", ""},
		{"component", "new", "Button", "--answers="},
		{"component", "new", "Button", "--js-timeout", ""},
		{"list", "--templates", ""},
		{"perf", "analyze", "--html", ""},
		{"perf", "test", "--hygen", ""},
	} {
		dir := project(t)
		r := run(t, dir, nil, args...)
		flag := strings.TrimSuffix(args[len(args)-1], "=")
		if flag == "" {
			flag = args[len(args)-2]
		}
		if r.code != 2 || !strings.Contains(r.stderr, flag+" needs a value, got an empty one") {
			t.Errorf("%q: want exit 2 naming %s\n%v", args, flag, r)
		}
		if _, err := os.Stat(filepath.Join(dir, "src", "Button.txt")); err == nil {
			t.Errorf("%q: generated", args)
		}
	}
	// After "--" every word is a positional, flags' names included.
	if r := run(t, project(t), nil, "component", "new", "Button", "--", "--answers"); r.code != 0 {
		t.Errorf("-- --answers: want the run to go on; got %v", r)
	}
}
