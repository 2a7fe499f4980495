package hardening

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

var bin string

func TestMain(m *testing.M) { os.Exit(testenv.MainWithHypergen(m, &bin)) }

// barrelProject has a generator that adds a component and appends its
// export line to one shared barrel file.
func barrelProject(t *testing.T) string {
	return testfs.Tree(t, map[string]string{
		"_templates/comp/new/a.t":      "---\nto: src/<%= name %>/index.js\n---\nexport default '<%= name %>'\n",
		"_templates/comp/new/barrel.t": "---\nto: src/index.js\ninject: true\nappend: true\n---\nexport * from './<%= name %>'\n",
		"src/index.js":                 "",
	})
}

func exportLines(t *testing.T, dir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "src/index.js"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "export * from")
}

// startAgent runs `hypergen perf monitor` in dir with the generation API on,
// under a shell ulimit of nofile open files, and returns its admin and
// generation addresses. extraEnv comes after the defaults, so it can turn
// telemetry export back on; flags are added to the command line.
func startAgent(t *testing.T, dir string, nofile int, extraEnv []string, flags ...string) (*testenv.Process, string, string) {
	t.Helper()
	admin, gen := testenv.FreeAddr(t), testenv.FreeAddr(t)
	script := fmt.Sprintf("ulimit -n %d && cd %q && exec %q perf monitor --listen %s --generate-listen %s --probe-interval 0 --enable-generate",
		nofile, dir, bin, admin, gen)
	for _, f := range flags {
		script += fmt.Sprintf(" %q", f)
	}
	env := append([]string{"HYPERGEN_AGENT_TOKEN=tok", "OTEL_TRACES_EXPORTER=none", "OTEL_METRICS_EXPORTER=none"}, extraEnv...)
	p := testenv.StartEnv(t, env, "/bin/sh", "-c", script)
	p.WaitListening(t, 60*time.Second, admin, gen)
	return p, admin, gen
}

func generate(client *http.Client, gen string, body any) (int, string, error) {
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, "http://"+gen+"/v1/generate", bytes.NewReader(raw))
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), nil
}

// TestConcurrentAgentInjects: 200 generations at once through the agent,
// each appending a line to the same barrel, keep all 200 lines (151 did
// before writes were locked per target).
func TestConcurrentAgentInjects(t *testing.T) {
	dir := barrelProject(t)
	_, _, gen := startAgent(t, dir, 4096, nil)
	client := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{MaxConnsPerHost: 200, MaxIdleConnsPerHost: 200}}
	const n = 200
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for i := range n {
		wg.Go(func() {
			code, body, err := generate(client, gen, map[string]any{"generator": "comp", "action": "new", "name": fmt.Sprintf("c%03d", i)})
			if err != nil || code != 200 {
				t.Errorf("request %d: %d %v %s", i, code, err, body)
				return
			}
			mu.Lock()
			ok++
			mu.Unlock()
		})
	}
	wg.Wait()
	got := exportLines(t, dir)
	t.Logf("agent: %d of %d requests answered 200; barrel keeps %d of %d export lines", ok, n, got, n)
	if got != n {
		t.Errorf("barrel keeps %d of %d export lines", got, n)
	}
}

// TestConcurrentCLIInjects: two processes running 60 generations each into
// the same barrel keep all 120 lines (118 did before).
func TestConcurrentCLIInjects(t *testing.T) {
	dir := barrelProject(t)
	const loops, each = 2, 60
	var wg sync.WaitGroup
	for l := range loops {
		wg.Go(func() {
			for i := range each {
				cmd := exec.Command(bin, "comp", "new", fmt.Sprintf("l%d-%02d", l, i))
				cmd.Dir = dir
				cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "HYPERGEN_CACHE_DIR=" + filepath.Join(dir, ".cache", fmt.Sprint(l)),
					"OTEL_TRACES_EXPORTER=none", "OTEL_METRICS_EXPORTER=none"}
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("loop %d run %d: %v\n%s", l, i, err, out)
				}
			}
		})
	}
	wg.Wait()
	got := exportLines(t, dir)
	t.Logf("CLI: barrel keeps %d of %d export lines", got, loops*each)
	if got != loops*each {
		t.Errorf("barrel keeps %d of %d export lines", got, loops*each)
	}
	if litter, _ := filepath.Glob(filepath.Join(dir, "src", ".*hypergen*")); len(litter) != 0 {
		t.Errorf("lock or temporary files left in the project: %v", litter)
	}
}

// TestIdleConnections: an agent allowed 512 open files, holding 600 idle
// keep-alive connections, still answers /healthz (once, accept4 failed with
// "too many open files").
func TestIdleConnections(t *testing.T) {
	dir := barrelProject(t)
	_, admin, _ := startAgent(t, dir, 512, nil)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 600 {
		c, err := net.DialTimeout("tcp", admin, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		_, _ = c.Write([]byte("GET /healthz HTTP/1.1\r\nHost: agent\r\n\r\n"))
	}
	client := &http.Client{Timeout: 5 * time.Second}
	start := time.Now()
	resp, err := client.Get("http://" + admin + "/healthz")
	if err != nil {
		t.Fatalf("/healthz behind 600 idle connections: %v", err)
	}
	resp.Body.Close()
	t.Logf("/healthz answered %s in %v behind 600 idle keep-alive connections", resp.Status, time.Since(start))
}

// TestGenerateEscapes: the request that once ran templates from outside the
// templates root and copied a file from outside the project is refused, and
// so is one whose name leads its file into the templates root, where a
// later run, allowed to run commands, would pick it up.
func TestGenerateEscapes(t *testing.T) {
	top := testfs.Tree(t, map[string]string{
		"project/_templates/gen/new/a.t": "---\nto: a.txt\n---\na\n",
		"project/_templates/gen/out/a.t": "---\nto: out/<%= name %>.t\n---\n---\nsh: touch pwned\n---\n",
		"outside/evilgen/new/a.t":        "---\nto: evil.txt\nfrom: ../../secret.txt\n---\n",
		"secret.txt":                     "secret\n",
	})
	dir := filepath.Join(top, "project")
	_, _, gen := startAgent(t, dir, 4096, nil)
	client := &http.Client{Timeout: time.Minute}
	code, body, err := generate(client, gen, map[string]any{"args": []string{"--x", "y", "../../outside/evilgen", "new"}})
	if err != nil || code != 400 {
		t.Errorf("traversal behind a flag: %d %v %s", code, err, body)
	}
	if _, err := os.Stat(filepath.Join(dir, "evil.txt")); err == nil {
		t.Error("evil.txt written")
	}
	code, body, err = generate(client, gen, map[string]any{"generator": "gen", "action": "out", "name": "../_templates/gen/new/planted"})
	if err != nil || code != 422 || !strings.Contains(body, "inside the templates root") {
		t.Errorf("a name leading into the templates root: %d %v %s", code, err, body)
	}
	if _, err := os.Stat(filepath.Join(dir, "_templates/gen/new/planted.t")); err == nil {
		t.Error("a template was planted in the templates root")
	}
}

// TestHostileTemplates runs hostile projects through the binary: each ends
// with a clear error naming the file (and the bound, where one stopped it),
// a non-zero exit, and nothing written. The guard on each run is generous;
// nothing is timed.
//
// The other hostile cases are tested where they live:
//   - traversal through the generation API: TestGenerateEscapes here, and
//     agent.TestGenerateRefusesEscapes (links and from: out of the roots);
//   - a loop in a template, hook or .hygen.js: test/cli TestJSTimeout,
//     TestJSTimeoutHookHint, TestRunawayScriptStopsOnSignal and
//     TestVersionIgnoresLoopingConfig;
//   - regex bombs in subaction, before/after and skip_if patterns:
//     generator.TestRegexBombsStopAtLimit;
//   - large outputs (2 MB, 50 MB) rendered in linear time:
//     internal/jsrt TestRenderIsLinear;
//   - non-UTF-8 template bytes: test/differential (case 2.non-utf8, against
//     hygen);
//   - a folder swapped for a link between plan and write, stale
//     temporaries: generator/writes_test.go and internal/atomicfile.
func TestHostileTemplates(t *testing.T) {
	long := strings.Repeat("a", 40)
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  []string
	}{
		{"target through a link out of the project", map[string]string{"_templates/gen/new/a.t": "---\nto: link/a.txt\n---\na\n"},
			nil, []string{"outside the project"}},
		// A lookahead makes goja match with regexp2, which backtracks and
		// which goja's interrupt cannot stop mid-match (RE2 patterns are
		// linear): the match is bounded by the JavaScript time limit.
		{"regex bomb inside a template", map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nfirst\n<%= /^(?=(a+)+b)/.test('" + long + "') %>\n"},
			[]string{"--js-timeout", "300ms"}, []string{"_templates/gen/new/a.t:5: stopped", "time limit of 300ms"}},
		{"unbounded recursion", map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nfirst\n<% const f = n => f(n + 1) + 1 %>\n<%= f(0) %>\n"},
			nil, []string{"_templates/gen/new/a.t:5: RangeError: Maximum call stack size exceeded", "call depth limit is 10000"}},
		// Past PATH_MAX, resolving each missing folder of the target once
		// took minutes of CPU, and the write created every folder.
		{"a name thousands of folders deep", map[string]string{"_templates/gen/new/a.t": "---\nto: <%= name %>/a.txt\n---\na\n"},
			[]string{strings.Repeat("a/", 20000) + "z"}, []string{"_templates/gen/new/a.t: target \"a/a/a/", "is 40", "bytes long as a full path, more than the 4095"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := map[string]string{"outside/.keep": ""}
			for p, c := range tt.files {
				tree["project/"+p] = c
			}
			top := testfs.Tree(t, tree)
			dir := filepath.Join(top, "project")
			if err := os.Symlink(filepath.Join(top, "outside"), filepath.Join(dir, "link")); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append([]string{"gen", "new"}, tt.args...)...)
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "OTEL_TRACES_EXPORTER=none", "OTEL_METRICS_EXPORTER=none"}
			out, err := cmd.CombinedOutput()
			if err == nil || ctx.Err() != nil {
				t.Fatalf("want a failure, got %v (guard: %v)\n%s", err, ctx.Err(), out)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, f := range []string{"outside/a.txt", "project/a.txt", "project/a"} {
				if _, err := os.Stat(filepath.Join(top, f)); err == nil {
					t.Errorf("%s written by a run that failed", f)
				}
			}
		})
	}
}
