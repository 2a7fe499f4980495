package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// One run's JavaScript must not change what a later, unrelated run renders:
// an Engine serves many runs (the agent keeps one for all requests).
func TestRunsShareNoJavaScriptState(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/evil/new/a.t": "---\nto: evil.txt\n---\n<% h.capitalize = () => 'PWNED'; h.changeCase.camelCase = () => 'PWNED';" +
			" Object.prototype.polluted = 'yes'; globalThis.leaked = 'leak'; String.prototype.trim = () => 'PWNED' %>done\n",
		"_templates/plain/new/b.t": "---\nto: plain.txt\n---\n" +
			"<%= h.capitalize('abc') %> <%= h.changeCase.camelCase('a b') %> [<%= ({}).polluted %>] <%= typeof leaked %> <%= ' x '.trim() %>\n",
	})
	e := New(Config{Cwd: dir, Parallelism: 1})
	// Many rounds, so that runs meet on the same thread and would share
	// any runtime that is reused.
	for range 20 {
		for _, args := range [][]string{{"evil", "new", "--force"}, {"plain", "new", "--force"}} {
			if _, err := e.Run(context.Background(), args); err != nil {
				t.Fatalf("%v: %v", args, err)
			}
		}
		got, err := os.ReadFile(filepath.Join(dir, "plain.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if want := "Abc aB [] undefined x\n"; string(got) != want {
			t.Fatalf("plain.txt = %q, want %q: state leaked from an earlier run", got, want)
		}
	}
}

// Templates see ordinary environment variables, as hygen's do, but not
// credentials such as the agent's token; nor does a command a hook starts.
func TestTemplatesSeeNoSecrets(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/env/new/a.t": "---\nto: env.json\n---\n<%- JSON.stringify(process.env) %>\n",
		"_templates/env/new/index.js": "module.exports = { params: () => ({ child: require('child_process')" +
			".execSync('printf %s \"${GITHUB_TOKEN-unset},${USER-unset}\"').toString() }) }\n",
		"_templates/env/new/b.t": "---\nto: child.txt\n---\n<%= child %>\n",
	})
	e := New(Config{Cwd: dir, Environ: func() []string {
		return []string{"USER=alice", "NODE_ENV=production", "HYPERGEN_AGENT_TOKEN=t0k", "GITHUB_TOKEN=gh",
			"DB_PASSWORD=pw", "AWS_SECRET_ACCESS_KEY=aws", "OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer x"}
	}})
	if _, err := e.Run(context.Background(), []string{"env", "new"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "env.json"))
	if want := `{"USER":"alice","NODE_ENV":"production"}` + "\n"; string(got) != want {
		t.Errorf("process.env = %s, want %s", got, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "child.txt")); string(got) != "unset,alice\n" {
		t.Errorf("a hook's child process saw %q, want \"unset,alice\": GITHUB_TOKEN must be left out, USER kept", got)
	}
}

// A backtracking regular expression stops at the time limit, naming the
// pattern and the limit: the subaction pattern, and inject's before/after
// and skip_if patterns.
func TestRegexBombsStopAtLimit(t *testing.T) {
	long := strings.Repeat("a", 40)
	bomb := `^((((.+)+)+)+)+X$`
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{
		{"subaction", map[string]string{"_templates/g/new/" + long + ".t": "---\nto: out.txt\n---\nx\n"},
			[]string{"g", "new:" + bomb}, `subaction pattern "` + bomb + `"`},
		{"inject before", map[string]string{"_templates/g/new/a.t": "---\nto: target.txt\ninject: true\nbefore: \"" + bomb + "\"\n---\nx\n",
			"target.txt": long + "\n"}, []string{"g", "new"}, "before: regular expression"},
		{"skip_if", map[string]string{"_templates/g/new/a.t": "---\nto: target.txt\ninject: true\nprepend: true\nskip_if: \"" + bomb + "\"\n---\nx\n",
			"target.txt": long + "\n"}, []string{"g", "new"}, "skip_if: regular expression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, tt.files)
			e := New(Config{Cwd: dir, JSTimeout: 200 * time.Millisecond})
			_, err := e.Run(context.Background(), tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "time limit of 200ms") {
				t.Fatalf("err = %v, want one containing %q and the limit", err, tt.want)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "target.txt")); tt.files["target.txt"] != "" && string(got) != tt.files["target.txt"] {
				t.Errorf("target.txt changed to %q", got)
			}
		})
	}
}
