package observability

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/prometheus/promql/parser"

	"github.com/hypergen-dev/hypergen/dashboards"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// hypergenBin is the hypergen executable built for the package's tests,
// hypergen-perf beside it.
var hypergenBin string

func TestMain(m *testing.M) { os.Exit(testenv.MainWithHypergen(m, &hypergenBin)) }

// rateInterval replaces $__rate_interval: with one-second scrapes, a minute
// holds plenty of samples.
const rateInterval = "1m"

// project writes a template tree with an add and an inject, and a
// generator that always fails.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range map[string]string{
		"_templates/svc/new/a.ejs.t": "---\nto: services/<%= name %>.go\n---\npackage <%= name %>\n",
		"_templates/svc/new/b.ejs.t": "---\nto: registry.txt\ninject: true\nappend: true\n---\n<%= name %>",
		"_templates/bad/new/x.ejs.t": "---\nto: x.txt\n---\n<%= missingThing %>\n",
		"registry.txt":               "services:\n",
	} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pyroscope stands in for a Pyroscope server: it accepts profile uploads on
// /ingest and counts those that carry a profile.
func pyroscope(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/ingest" {
			http.NotFound(w, r)
			return
		}
		if err := r.ParseMultipartForm(32 << 20); err == nil && r.MultipartForm.File["profile"] != nil {
			n.Add(1)
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// agentProc is a running `hypergen perf monitor`.
type agentProc struct {
	admin string
	logs  *lockedBuffer
	// stop sends SIGTERM and waits for the exit (SIGKILL after 20 s); it
	// returns the exit error. Later calls return the first one's.
	stop func() error
}

// startAgent runs `hypergen perf monitor` in dir, and stops it when the
// test ends if the test did not.
func startAgent(t *testing.T, bin, dir string, env []string, args ...string) *agentProc {
	t.Helper()
	a := &agentProc{admin: testenv.FreeAddr(t), logs: &lockedBuffer{}}
	cmd := exec.Command(bin, append([]string{"perf", "monitor", "--listen", a.admin}, args...)...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdout, cmd.Stderr = a.logs, a.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var exitErr error
	go func() { exitErr = cmd.Wait(); close(done) }()
	var once sync.Once
	a.stop = func() error {
		once.Do(func() {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				_ = cmd.Process.Kill()
				<-done
			}
		})
		return exitErr
	}
	t.Cleanup(func() { a.stop() })
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + a.admin + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return a
			}
		}
		select {
		case <-done:
			t.Fatalf("agent exited:\n%s", a.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("agent not ready after 30s:\n%s", a.logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// probe is one expression the test runs, and where it comes from.
type probe struct{ where, expr string }

// probes lists what to run: every dashboard query with $__rate_interval set;
// for every alert rule, its measured parts (an alert expression returns
// data only while it fires), each with any offset removed, because a
// Prometheus started a minute ago has no data from last week; the offsets
// themselves are exercised by the promtool unit tests.
func probes(t *testing.T, qs []dashboards.Query) []probe {
	t.Helper()
	var out []probe
	for _, q := range qs {
		if !q.Rule {
			out = append(out, probe{q.Where, strings.ReplaceAll(q.Expr, dashboards.RateInterval, rateInterval)})
			continue
		}
		parts, err := dashboards.MeasuredParts(q.Expr)
		if err != nil || len(parts) == 0 {
			t.Fatalf("%s: measured parts of %q: %v", q.Where, q.Expr, err)
		}
		for i, p := range parts {
			parser.Inspect(p, func(n parser.Node, _ []parser.Node) error {
				if vs, ok := n.(*parser.VectorSelector); ok {
					vs.OriginalOffset = 0
				}
				return nil
			})
			out = append(out, probe{fmt.Sprintf("%s part %d", q.Where, i+1), p.String()})
		}
	}
	return out
}

// hasData: at least one series with a number (NaN is a division by zero or
// a histogram without observations, not data).
func hasData(s []testenv.Sample) bool {
	for _, x := range s {
		if !math.IsNaN(x.Value) {
			return true
		}
	}
	return false
}

func TestEveryShippedQueryReturnsData(t *testing.T) {
	bin := hypergenBin
	root := filepath.Join(testenv.RepoRoot(), "dashboards")
	qs, err := dashboards.ShippedQueries(root)
	if err != nil {
		t.Fatal(err)
	}
	col := testenv.StartShippedCollector(t)
	// Prometheus also loads the committed rule file: a rule it cannot load
	// stops it from starting.
	prom := testenv.StartPrometheus(t, col.Prometheus, filepath.Join(root, filepath.FromSlash(dashboards.RulesFile)))
	pyro, uploads := pyroscope(t)

	dir := project(t)
	otel := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + col.OTLP, "OTEL_EXPORTER_OTLP_INSECURE=true"}
	const token = "e2e-token"
	genAddr := testenv.FreeAddr(t)
	logs := startAgent(t, bin, dir,
		append(otel, "OTEL_METRIC_EXPORT_INTERVAL=1000", "HYPERGEN_AGENT_TOKEN="+token,
			"PYROSCOPE_SERVER_ADDRESS="+pyro.URL, "PYROSCOPE_UPLOAD_RATE=1s"),
		"--interval", "200ms", "--probe-interval", "2s", "--probe-sizes", "2,4,8", "--probe-cpu", "1",
		"--profiling", "--enable-generate", "--generate-listen", genAddr).logs

	// Traffic: CLI generations (one failing), generations through the
	// agent's API, and a template change for the agent to reindex.
	cli := func(args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir, cmd.Env = dir, append(otel, "HYPERGEN_TELEMETRY_TIMEOUT=10s")
		out, err := cmd.CombinedOutput()
		if args[0] == "bad" {
			if err == nil {
				t.Errorf("hypergen %v succeeded, want a failure:\n%s", args, out)
			}
		} else if err != nil {
			t.Errorf("hypergen %v: %v\n%s", args, err, out)
		}
	}
	cli("svc", "new", "alpha")
	cli("bad", "new", "beta")
	generate := func(name string) {
		req, _ := http.NewRequest(http.MethodPost, "http://"+genAddr+"/v1/generate",
			strings.NewReader(fmt.Sprintf(`{"generator":"svc","action":"new","name":%q}`, name)))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("POST /v1/generate %s: %d %s", name, resp.StatusCode, body)
		}
	}
	generate("gamma")
	if err := os.WriteFile(filepath.Join(dir, "_templates", "svc", "new", "c.ejs.t"),
		[]byte("---\nto: docs/<%= name %>.md\n---\n# <%= name %>\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	ps := probes(t, qs)
	// Poll until every expression returns data: probes, fits, profile
	// uploads and rates take a few seconds to show. Bounded: two minutes.
	var missing []string
	deadline := time.Now().Add(2 * time.Minute)
	for round := 0; ; round++ {
		generate(fmt.Sprintf("round%d", round)) // keeps the request and run rates above zero
		missing = missing[:0]
		for _, p := range ps {
			s, err := prom.Query(p.expr)
			if err != nil {
				t.Fatalf("%s: Prometheus refused %s: %v", p.where, p.expr, err)
			}
			if !hasData(s) {
				missing = append(missing, p.where+": "+p.expr)
			}
		}
		if len(missing) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(2 * time.Second)
	}
	panels := map[string]bool{}
	for _, q := range qs {
		if !q.Rule {
			panels[q.Where[:strings.LastIndex(q.Where, " (")]] = true
		}
	}
	t.Logf("%d panels, %d dashboard queries and %d alert rules (%d expressions run): %d returned data",
		len(panels), len(qs)-countRules(qs), countRules(qs), len(ps), len(ps)-len(missing))
	if len(missing) > 0 {
		t.Errorf("%d expressions returned no data:\n%s\nagent log:\n%.3000s", len(missing), strings.Join(missing, "\n"), logs)
	}
	// And Prometheus evaluates every committed rule.
	resp, err := http.Get("http://" + prom.Addr + "/api/v1/rules?type=alert")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rules struct {
		Data struct {
			Groups []struct {
				Rules []struct {
					Name   string `json:"name"`
					Health string `json:"health"`
				} `json:"rules"`
			} `json:"groups"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&rules); err != nil {
		t.Fatal(err)
	}
	loaded := 0
	for _, g := range rules.Data.Groups {
		for _, r := range g.Rules {
			loaded++
			if r.Health == "err" {
				t.Errorf("Prometheus fails to evaluate %s", r.Name)
			}
		}
	}
	if loaded != countRules(qs) {
		t.Errorf("Prometheus loaded %d alert rules, want %d", loaded, countRules(qs))
	}
	if uploads.Load() == 0 {
		t.Error("no profile reached the Pyroscope receiver")
	}
}

func countRules(qs []dashboards.Query) int {
	n := 0
	for _, q := range qs {
		if q.Rule {
			n++
		}
	}
	return n
}
