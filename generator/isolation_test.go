package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsrt"
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
			// Not the input the match ran on: a target file of any size.
			if strings.Contains(err.Error(), long) {
				t.Errorf("the error quotes the input: %v", err)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "target.txt")); tt.files["target.txt"] != "" && string(got) != tt.files["target.txt"] {
				t.Errorf("target.txt changed to %q", got)
			}
		})
	}
}

// A process.env that a template made a Proxy whose ownKeys never returns is
// read after the render (did a template change it?) under the time limit:
// it hung the run past --js-timeout. The run fails, naming it, and writes
// nothing.
func TestReadingProcessEnvIsUnderTheTimeLimit(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/t/x/a.ejs.t": "---\nto: a.txt\n---\n<% process.env = new Proxy({}, { ownKeys() { for (;;) {} } }) %>a\n",
		"_templates/t/x/b.ejs.t": "---\nto: b.txt\n---\nb\n",
	})
	e := New(Config{Cwd: dir, Parallelism: 2, Stdout: io.Discard, JSTimeout: 200 * time.Millisecond, Getenv: func(string) string { return "" }})
	done := make(chan error, 1)
	go func() {
		_, err := e.Run(context.Background(), []string{"t", "x"})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "reading process.env") || !strings.Contains(err.Error(), "time limit of 200ms") {
			t.Fatalf("err = %v, want the time limit reading process.env", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run did not end within 20s of a 200ms limit")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the run wrote %d entries beside _templates", len(entries)-1)
	}
}

// countingFiles counts FileDone events by template.
type countingFiles struct {
	nopObserver
	mu     sync.Mutex
	files  map[string]int
	failed []string
}

func (o *countingFiles) FileDone(_ context.Context, f FileEvent) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.files[f.Template]++
	if f.Err != nil {
		o.failed = append(o.failed, f.Template+": "+f.Err.Error())
	}
}

// A global one template makes is seen by every later template, in file
// order, as in hygen's single runtime, however many runtimes render: the
// action renders again on one runtime. What the templates print is what
// they printed in that order, once; each template is reported once, and
// none as failed (without the global, half of them fail).
func TestTemplateGlobalsReachLaterTemplatesInOrder(t *testing.T) {
	files := map[string]string{"_templates/g/new/a.t": "---\nto: out/a.txt\n---\n<% n = 1; console.log('a printed') -%>a <%= n %>\n"}
	var want, wantOut strings.Builder
	want.WriteString("a 1\n")
	wantOut.WriteString("a printed\n")
	for i := 2; i <= 12; i++ {
		name := fmt.Sprintf("t%02d", i)
		sees := "typeof n === 'undefined' ? 'unset' : ++n"
		if i%2 == 0 {
			sees = "++n" // a ReferenceError without the global
		}
		files["_templates/g/new/"+name+".t"] = "---\nto: out/" + name + ".txt\n---\n<% const v = " + sees + "; console.log('" + name + " sees', v) -%>" + name + " <%= v %>\n"
		fmt.Fprintf(&want, "%s %d\n", name, i)
		fmt.Fprintf(&wantOut, "%s sees %d\n", name, i)
	}
	for round := range 10 {
		dir := testfs.Tree(t, files)
		var stdout strings.Builder
		obs := &countingFiles{files: map[string]int{}}
		e := New(Config{Cwd: dir, Parallelism: 4, Stdout: &stdout, Observer: obs})
		if _, err := e.Run(context.Background(), []string{"g", "new"}); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, f := range slices.Sorted(maps.Keys(files)) {
			name := strings.TrimSuffix(filepath.Base(f), ".t")
			b, err := os.ReadFile(filepath.Join(dir, "out", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got.Write(b)
		}
		if got.String() != want.String() {
			t.Fatalf("round %d: the files say\n%s\nwant\n%s", round, got.String(), want.String())
		}
		var printed strings.Builder
		for _, line := range strings.SplitAfter(stdout.String(), "\n") {
			if strings.Contains(line, " sees ") || strings.Contains(line, "a printed") {
				printed.WriteString(line)
			}
		}
		if printed.String() != wantOut.String() {
			t.Errorf("round %d: the templates printed\n%s\nwant\n%s", round, printed.String(), wantOut.String())
		}
		if len(obs.failed) > 0 {
			t.Errorf("round %d: a run that succeeded reported failed templates: %q", round, obs.failed)
		}
		for f, n := range obs.files {
			if n != 1 {
				t.Errorf("round %d: %s reported %d times", round, f, n)
			}
		}
		if len(obs.files) != len(files) {
			t.Errorf("round %d: %d templates reported, want %d", round, len(obs.files), len(files))
		}
	}
}

// A template that renders in the first pass and fails in the ordered
// second (it throws once it sees another template's global) is reported
// as failed: the second pass is the one whose outcome counts, and its
// first-pass success was reported while the run failed.
func TestSecondPassFailuresAreReported(t *testing.T) {
	files := map[string]string{"_templates/g/new/a.t": "---\nto: out/a.txt\n---\n<% n = 1 -%>a\n"}
	for i := 2; i <= 8; i++ {
		files[fmt.Sprintf("_templates/g/new/t%d.t", i)] = fmt.Sprintf("---\nto: out/t%d.txt\n---\n<%% if (typeof n !== 'undefined') throw new Error('t%d sees n') -%%>t\n", i, i)
	}
	for round := range 10 {
		obs := &countingFiles{files: map[string]int{}}
		e := New(Config{Cwd: testfs.Tree(t, files), Parallelism: 4, Stdout: io.Discard, Observer: obs})
		if _, err := e.Run(context.Background(), []string{"g", "new"}); err == nil || !strings.Contains(err.Error(), "t2 sees n") {
			t.Fatalf("round %d: Run() = %v, want t2's error", round, err)
		}
		if len(obs.failed) != 7 || len(obs.files) != 8 {
			t.Fatalf("round %d: %d of 8 templates reported, failed: %q; want all 7 that fail in order", round, len(obs.files), obs.failed)
		}
	}
}

// The second, ordered pass runs only where it can change something: not
// for a single template, and not after a template was stopped by its time
// limit, which a second pass would only wait for again. A fresh engine's
// cache counts a second pass as hits.
func TestTemplateGlobalsRenderAgainOnlyWhenUseful(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		again bool
	}{
		{"two templates, a global", map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\n<% x = 1 %>a", "_templates/g/new/b.t": "---\nto: b.txt\n---\nb <%= typeof x %>"}, true},
		{"one template, a global", map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\n<% x = 1 %>a"}, false},
		{"a global, then the time limit", map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\n<% x = 1 %>a", "_templates/g/new/b.t": "---\nto: b.txt\n---\n<% while (true) {} %>"}, false},
		{"no global", map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\n<% let x = 1 %>a", "_templates/g/new/b.t": "---\nto: b.txt\n---\nb <%= typeof x %>"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(Config{Cwd: testfs.Tree(t, tt.files), Parallelism: 4, Stdout: io.Discard, JSTimeout: 200 * time.Millisecond})
			_, err := e.Run(context.Background(), []string{"g", "new"})
			var te *jsrt.TimeoutError
			if strings.Contains(tt.name, "time limit") != errors.As(err, &te) {
				t.Fatalf("Run() = %v", err)
			}
			if hits, _ := e.CacheStats(); (hits > 0) != tt.again {
				t.Errorf("%d cache hits: rendered again = %v, want %v", hits, hits > 0, tt.again)
			}
		})
	}
}
