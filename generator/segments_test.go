package generator

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// What comes after a sh: command is planned once it has run. Whatever then
// fails or stops the run, what the command did and what was written before
// it stay: a command cannot be undone, so nothing before it is rolled back.
func TestAfterACommand(t *testing.T) {
	before := "---\nto: before.txt\n---\nbefore\n"
	command := "---\nsh: echo ran > ran.txt\n---\n"
	tests := []struct {
		name    string
		after   string
		files   map[string]string // present before the run
		prompt  func(string) (bool, error)
		wantErr string
		stopped bool // an unanswered question: no error, the run stops
		want    map[string]string
	}{
		{"a plan error", "---\nto: ../escape.txt\n---\nx\n", nil, nil,
			"outside the project", false, map[string]string{"before.txt": "before\n", "ran.txt": "ran\n"}},
		{"a write that fails", "---\nto: ran.txt/inside.txt\n---\nx\n", nil, nil,
			"ran.txt", false, map[string]string{"before.txt": "before\n", "ran.txt": "ran\n"}},
		{"an unanswered question", "---\nto: exists.txt\nmessage: not printed\n---\nnew\n", map[string]string{"exists.txt": "old\n"},
			func(string) (bool, error) { return false, ErrNoAnswer },
			"", true, map[string]string{"before.txt": "before\n", "ran.txt": "ran\n", "exists.txt": "old\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := map[string]string{"_templates/g/a/a.t": before, "_templates/g/a/b.t": command, "_templates/g/a/c.t": tt.after}
			for k, v := range tt.files {
				tree[k] = v
			}
			dir := testfs.Tree(t, tree)
			var out bytes.Buffer
			e := New(Config{Cwd: dir, Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }, Prompt: tt.prompt})
			res, err := e.Run(context.Background(), []string{"g", "a"})
			switch {
			case tt.stopped:
				if err != nil || !strings.Contains(out.String(), "stopped before the remaining files") || strings.Contains(out.String(), "not printed") {
					t.Errorf("err %v, output:\n%s\nwant a stop without the message", err, out.String())
				}
				if res == nil || len(res.Ops) != 2 {
					t.Errorf("ops %+v, want the add and the command", res)
				}
			case err == nil || !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("err = %v, want it to mention %q", err, tt.wantErr)
			case tt.name == "a plan error":
				var te *TemplateError
				if !errors.As(err, &te) || !strings.HasSuffix(te.File, "c.t") {
					t.Errorf("error does not name c.t: %v", err)
				}
			}
			if got := snapshot(t, dir); !equalMaps(got, tt.want) {
				t.Errorf("files = %v, want %v", got, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, ".hypergen-lock")); err == nil {
				t.Error("a lock file was left")
			}
		})
	}
}
