package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

func TestHelpPages(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args    []string
		want    string
		notWant string
	}{
		{[]string{"help", "help"}, "Usage: hypergen help", ""},
		{[]string{"help", "--help"}, "Usage: hypergen help", ""},
		{[]string{"help", "-h"}, "Usage: hypergen help", ""},
		{[]string{"help", "perf", "benchmark"}, "Usage: hypergen perf benchmark", "Commands:"},
		{[]string{"help", "perf"}, "Usage: hypergen perf COMMAND", ""},
		{[]string{"perf", "help", "benchmark"}, "Usage: hypergen perf benchmark", "Commands:"},
		{[]string{"help", "version"}, "Usage: hypergen version", "Flags:"},
		{[]string{"help", "list"}, "Usage: hypergen list", ""},
		// The built-in generators, which run in a folder without templates.
		{[]string{"help", "init"}, "Usage: hypergen init ACTION", "neither"},
		{[]string{"help", "generator"}, "  with-prompt (template files: 2)", "neither"},
	}
	for _, tt := range tests {
		r := run(t, dir, nil, tt.args...)
		if r.code != 0 || !strings.Contains(r.stdout, tt.want) || (tt.notWant != "" && strings.Contains(r.stdout, tt.notWant)) {
			t.Errorf("%v: want exit 0, %q and not %q; got %v", tt.args, tt.want, tt.notWant, r)
		}
	}
	if r := run(t, dir, nil, "help", "list"); !strings.Contains(r.stdout, "\nFlags:\n") {
		t.Errorf("a command with flags lists them: %v", r)
	}
}

// TestPerfVersionMatches: hypergen-perf prints its version in the form of
// `hypergen version`, and the two executables a build installs say the same
// version, commit and time.
func TestPerfVersionMatches(t *testing.T) {
	dir := t.TempDir()
	main, perf := run(t, dir, nil, "version"), run(t, dir, nil, "perf", "version")
	if main.code != 0 || perf.code != 0 {
		t.Fatalf("hypergen version: %v\nhypergen perf version: %v", main, perf)
	}
	rest, ok := strings.CutPrefix(main.stdout, "hypergen ")
	if !ok || rest == "" {
		t.Fatalf("hypergen version printed %q", main.stdout)
	}
	if perf.stdout != "hypergen-perf "+rest {
		t.Errorf("hypergen perf version printed %q, want %q", perf.stdout, "hypergen-perf "+rest)
	}
	if r := run(t, dir, nil, "perf", "version", "--nope"); r.code != 2 || !strings.Contains(r.stderr, "unknown flag") {
		t.Errorf("perf version --nope: %v", r)
	}
}

// A word after a command that takes only flags is an error, not ignored:
// `hypergen list componnt` or `hypergen perf status agent` would otherwise
// answer a question that was not asked.
func TestCommandsRefuseStrayArguments(t *testing.T) {
	dir := project(t)
	for _, args := range [][]string{
		{"list", "component"},
		{"version", "extra"},
		{"perf", "version", "extra"},
		{"perf", "status", "--agent", "http://127.0.0.1:1", "extra"},
		{"perf", "export", "--json", "extra"},
	} {
		r := run(t, dir, nil, args...)
		want := fmt.Sprintf("unexpected argument %q: this command takes only flags", args[len(args)-1])
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("hypergen %v: want exit 2 saying %q; got %v", args, want, r)
		}
	}
	if r := run(t, dir, nil, "completion", "bash"); r.code != 0 || !strings.Contains(r.stdout, "_hypergen") {
		t.Errorf("completion bash, which takes an argument: %v", r)
	}
}

// A generator's help shows its template.yml as it is: lists and objects
// in brackets, blurring text quoted, descriptions on one line and free of
// terminal control sequences (a generator's file could recolour the
// terminal or set its title). `hypergen GEN ACTION --help` shows it too.
func TestGeneratorHelpShowsValuesAsTheyAre(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/template.yml": "variables:\n" +
			"  arr: {type: array, default: [a, \"b,c\"], description: \"an array\\nover two lines\"}\n" +
			"  obj: {type: object, default: {k: 1}}\n" +
			"  e: {type: enum, values: [\"a b\", \"c|d\", \"\"], default: \"a b\"}\n" +
			"  s: {type: string, default: \"\"}\n" +
			"  emp: {type: string, description: \"\\u001b[31mRED\\u001b[0m\"}\n",
		"_templates/g/a/t.ejs.t": "---\nto: out.txt\n---\nx\n",
	})
	for _, args := range [][]string{{"help", "g"}, {"g", "a", "--help"}} {
		r := run(t, dir, nil, args...)
		if r.code != 0 {
			t.Fatalf("%v: %v", args, r)
		}
		for _, want := range []string{`default ["a", "b,c"]  an array over two lines`, `default {k: 1}`, `--e "a b"|"c|d"|""`, `default "a b"`, `default ""`, `\x1b[31mRED\x1b[0m`} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: the help lacks %q:\n%s", args, want, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "\x1b") {
			t.Errorf("%v: an escape character reached the terminal", args)
		}
	}
}
