package generator

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
// credentials such as the agent's token.
func TestTemplatesSeeNoSecrets(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/env/new/a.t": "---\nto: env.json\n---\n<%- JSON.stringify(process.env) %>\n",
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
}
