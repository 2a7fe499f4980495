package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

func runCLI(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(&Env{
		Args: args, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Cwd: dir,
	})
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t":  "---\nto: a.txt\n---\nhi <%= name %>",
		"_templates/gen/bad/b.t":  "---\nto: b.txt\n---\n<%= missing %>",
		"_templates/list/run/c.t": "---\nto: c.txt\n---\nfrom the list generator",
	})
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"no arguments", nil, ExitUsage, "Usage"},
		{"help", []string{"--help"}, ExitOK, "Commands:"},
		{"bad flag", []string{"version", "--nope"}, ExitUsage, "unknown flag"},
		{"version", []string{"version"}, ExitOK, "hygen 6.2.11 compatible"},
		{"unknown generator", []string{"nope", "new"}, ExitFail, `no generator "nope"`},
		{"render error", []string{"gen", "bad"}, ExitFail, "b.t:4: ReferenceError: missing is not defined"},
		{"generate", []string{"gen", "new", "x"}, ExitOK, "added: a.txt"},
		{"generator named like a command wins", []string{"list", "run"}, ExitOK, "added: c.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out+errOut, tt.contains) {
				t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", tt.contains, out, errOut)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(dir, "a.txt")); err != nil || string(b) != "hi x" {
		t.Errorf("a.txt = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.txt")); err == nil {
		t.Error("b.txt written despite the render error")
	}
}

func TestListJSON(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "", "_templates/gen/new/sub/b.t": ""})
	code, out, errOut := runCLI(t, dir, "list", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Generators []struct {
			Name    string
			Actions []struct {
				Name      string
				Templates int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Generators) != 1 || got.Generators[0].Name != "gen" || len(got.Generators[0].Actions) != 1 ||
		got.Generators[0].Actions[0].Templates != 2 {
		t.Errorf("list --json = %+v", got)
	}
}

func TestListWithoutTemplatesShowsBuiltins(t *testing.T) {
	code, out, errOut := runCLI(t, t.TempDir(), "list")
	if code != ExitOK || !strings.Contains(errOut, "no templates found") || !strings.Contains(out, "built-in generators run here") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
