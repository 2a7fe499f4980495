package cli

import (
	"fmt"
	"strings"
	"testing"
)

func TestHelpPages(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args    []string
		want    string
		notWant string
	}{
		{[]string{"help", "help"}, "Usage: hypergen help", ""},
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
