package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/generator"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// telemetry gives an enabled Telemetry whose metrics can be read back.
func telemetry(t *testing.T) (*instrument.Telemetry, *sdkmetric.ManualReader) {
	t.Helper()
	reader := sdkmetric.NewManualReader()
	tel, err := instrument.FromProviders(sdktrace.NewTracerProvider(), sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader)))
	if err != nil {
		t.Fatal(err)
	}
	return tel, reader
}

func startAgent(t *testing.T, cfg Config, tel *instrument.Telemetry) *Agent {
	t.Helper()
	cfg.Listen = "127.0.0.1:0"
	if cfg.Generate.Listen == "" {
		cfg.Generate.Listen = "127.0.0.1:0" // not the default port, which another agent may hold
	}
	cfg.Logger = quietLogger()
	cfg.Getenv = func(string) string { return "" }
	if cfg.Cwd == "" {
		cfg.Cwd = testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/<%= name %>.txt\n---\nhi <%= name %>\n"})
	}
	a, err := New(cfg, tel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := a.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return a
}

func get(t *testing.T, a *Agent, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + a.Addr() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestLifecycleProbesAndStatus(t *testing.T) {
	tel, reader := telemetry(t)
	a := startAgent(t, Config{Interval: 200 * time.Millisecond, ProbeInterval: time.Hour, ProbeSizes: []int{2, 4, 8},
		ProbeCPUShare: 1}, tel)

	if code, body := get(t, a, "/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	if code, _ := get(t, a, "/readyz"); code != 200 {
		t.Errorf("/readyz = %d", code)
	}
	var st Status
	testenv.WaitFor(t, "fits from the first probe round", 60*time.Second, func() (bool, string) {
		_, body := get(t, a, "/status")
		st = Status{}
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			return false, err.Error()
		}
		return st.Fits["time"] != nil && st.Fits["memory"] != nil, body
	})
	if st.Index.Generators != 1 || st.Index.Files != 1 || !st.Ready {
		t.Errorf("index = %+v, ready %v", st.Index, st.Ready)
	}
	if len(st.Probes) != 3 {
		t.Errorf("%d probe results, want 3", len(st.Probes))
	}
	for _, p := range st.Probes {
		if p.Templates != p.Generators*probeActions*probeTemplates || p.Seconds <= 0 {
			t.Errorf("probe %+v", p)
		}
	}
	measured := map[string]bool{}
	for _, tg := range st.Targets {
		measured[tg.Name] = tg.Value != nil
	}
	for _, name := range []string{"generation_p95", "resolution_p99", "time_growth_exponent"} {
		if !measured[name] {
			t.Errorf("budget %s has no value after the probes", name)
		}
	}
	if code, _ := get(t, a, "/debug/pprof/"); code != 404 {
		t.Errorf("pprof served without --pprof: %d", code)
	}

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			names[m.Name] = true
		}
	}
	for _, n := range []string{catalog.MetricProbeDuration, catalog.MetricProbeMemory, catalog.MetricScalabilityExponent,
		catalog.MetricTargetValue, catalog.MetricTargetMet, catalog.MetricTemplatesIndexed} {
		if !names[n] {
			t.Errorf("metric %s not recorded", n)
		}
	}
}

func TestReindexOnTemplateChange(t *testing.T) {
	tel, _ := telemetry(t)
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "x"})
	a := startAgent(t, Config{Cwd: dir, Interval: 100 * time.Millisecond, ProbeInterval: -1}, tel)
	if err := os.MkdirAll(filepath.Join(dir, "_templates/other/run"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_templates/other/run/b.t"), []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, "the new generator in the index", 10*time.Second, func() (bool, string) {
		st := a.Status()
		return st.Index.Generators == 2 && st.Index.Files == 2, st.Index.Templates
	})
	// A removal, and a .hygenignore that hides a template.
	if err := os.Remove(filepath.Join(dir, "_templates/other/run/b.t")); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, "the removed template gone from the index", 10*time.Second, func() (bool, string) {
		st := a.Status()
		return st.Index.Files == 1, fmt.Sprint(st.Index)
	})
	ignoreFile := filepath.Join(dir, "_templates/gen/new/.hygenignore")
	// Read before the change: the monitor may reindex between the write
	// and a read after it, and no later reindex would come.
	before := a.Status().Index.IndexedAt
	if err := os.WriteFile(ignoreFile, []byte("# nothing yet\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, "a reindex after the .hygenignore appeared", 10*time.Second, func() (bool, string) {
		st := a.Status()
		return st.Index.IndexedAt.After(before), fmt.Sprint(st.Index)
	})
	// Rewriting it in place leaves its folder's time alone: only the file's
	// own metadata tells.
	if err := os.WriteFile(ignoreFile, []byte("a.t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, "the template hidden by .hygenignore gone from the index", 10*time.Second, func() (bool, string) {
		st := a.Status()
		return st.Index.Files == 0, fmt.Sprint(st.Index)
	})
}

func post(t *testing.T, a *Agent, token string, body any) (int, GenerateResponse) {
	t.Helper()
	raw, _ := json.Marshal(body)
	return postRaw(t, a.GenerateAddr(), "Bearer "+token, raw)
}

// postRaw sends a body as it is to the generation API at addr.
func postRaw(t *testing.T, addr, auth string, raw []byte) (int, GenerateResponse) {
	t.Helper()
	return postWith(t, http.DefaultClient, "http://"+addr, auth, raw)
}

// postWith sends a body with client to the generation API at base.
func postWith(t *testing.T, client *http.Client, base, auth string, raw []byte) (int, GenerateResponse) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/generate", bytes.NewReader(raw))
	if auth != "Bearer " {
		req.Header.Set("Authorization", auth)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out GenerateResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, out
}

// hookRunsCommand is a hook that runs a command, which the generation API
// allows only with AllowShell, as it allows sh:.
const hookRunsCommand = "module.exports = { params: () => ({ out: require('child_process').execSync('touch hookran.txt && echo ok').toString().trim() }) }"

func TestGenerateAPIAllowShell(t *testing.T) {
	tel, _ := telemetry(t)
	dir := testfs.Tree(t, map[string]string{
		"_templates/hookcp/new/index.js": hookRunsCommand,
		"_templates/hookcp/new/a.t":      "---\nto: h.txt\nsh: touch ran.txt\n---\n<%= out %>",
	})
	a := startAgent(t, Config{Cwd: dir, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "s3cret", AllowShell: true}}, tel)
	if code, out := post(t, a, "s3cret", GenerateRequest{Args: []string{"hookcp", "new"}}); code != 200 || !out.OK {
		t.Fatalf("generate: %d %+v", code, out)
	}
	for f, want := range map[string]string{"h.txt": "ok", "hookran.txt": "", "ran.txt": ""} {
		if b, err := os.ReadFile(filepath.Join(dir, f)); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", f, b, err, want)
		}
	}
}

func TestGenerateAPI(t *testing.T) {
	tel, _ := telemetry(t)
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t":         "---\nto: out/<%= name %>.txt\n---\nhi <%= name %> <%= locals.size %>\n",
		"_templates/esc/new/a.t":         "---\nto: ../escape.txt\n---\nx",
		"_templates/shell/new/a.t":       "---\nto: s.txt\n---\nx",
		"_templates/shell/new/b.t":       "---\nsh: touch ran.txt\n---\n",
		"_templates/hookcp/new/index.js": hookRunsCommand,
		"_templates/hookcp/new/a.t":      "---\nto: h.txt\n---\n<%= out %>",
		"_templates/inj/new/a.t":         "---\nto: src/index.ts\ninject: true\nappend: true\n---\nx",
	})
	a := startAgent(t, Config{Cwd: dir, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "s3cret"}}, tel)

	// A skipped operation says why: here the one skip that usually means
	// the client's project is not what its generator expects.
	code, out := post(t, a, "s3cret", GenerateRequest{Args: []string{"inj", "new"}})
	if code != 200 || !out.OK || len(out.Ops) != 1 || out.Ops[0].Status != generator.StatusSkipped || out.Ops[0].Reason != generator.SkipNoTarget {
		t.Errorf("inject into a missing file: %d %+v, want ok with the op skipped for %q", code, out, generator.SkipNoTarget)
	}

	code, out = post(t, a, "s3cret", GenerateRequest{Generator: "gen", Action: "new", Name: "web", Parameters: map[string]any{"size": 3.0}})
	if code != 200 || !out.OK {
		t.Fatalf("generate: %d %+v", code, out)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "out/web.txt")); err != nil || string(b) != "hi web 3\n" {
		t.Errorf("out/web.txt = %q, %v", b, err)
	}
	if !strings.Contains(out.Output, "added: out/web.txt") || len(out.Ops) != 1 {
		t.Errorf("response: %+v", out)
	}

	for _, tc := range []struct {
		name, token string
		body        GenerateRequest
		code        int
		errHas      string
	}{
		{"no token", "", GenerateRequest{Args: []string{"gen", "new", "x"}}, 401, "token"},
		{"wrong token", "guess", GenerateRequest{Args: []string{"gen", "new", "x"}}, 401, "token"},
		{"generator path escape", "s3cret", GenerateRequest{Generator: "../..", Action: "new"}, 400, "not a generator"},
		{"unknown generator", "s3cret", GenerateRequest{Generator: "nope", Action: "new"}, 404, `no generator "nope"`},
		{"target outside the root", "s3cret", GenerateRequest{Args: []string{"esc", "new"}}, 422, "outside the project"},
		{"sh refused", "s3cret", GenerateRequest{Args: []string{"shell", "new"}}, 422, "not allowed"},
		{"hook child process refused", "s3cret", GenerateRequest{Args: []string{"hookcp", "new"}}, 422, "child_process.execSync(\"touch hookran.txt && echo ok\") is not allowed here"},
		// hypergen's own flags would be template locals here, doing nothing
		// a client could see: refused, naming the flag.
		{"hypergen's flag", "s3cret", GenerateRequest{Args: []string{"gen", "new", "x", "--no-fsync"}}, 400, "--no-fsync is a flag of the hypergen command"},
		{"hypergen's flag with a value", "s3cret", GenerateRequest{Args: []string{"--allow-outside=true", "esc", "new"}}, 400, "--allow-outside is a flag of the hypergen command"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := post(t, a, tc.token, tc.body)
			if code != tc.code || out.OK || !strings.Contains(out.Error, tc.errHas) {
				t.Errorf("got %d %+v, want %d with %q", code, out, tc.code, tc.errHas)
			}
		})
	}
	for _, f := range []string{"s.txt", "ran.txt", "out/x.txt", "h.txt", "hookran.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s written by a refused request", f)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); err == nil {
		t.Error("escape.txt written outside the root")
	}
}

func TestGenerateAPIOffByDefault(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1}, tel)
	if a.GenerateAddr() != "" {
		t.Errorf("generation API listening on %s while off", a.GenerateAddr())
	}
	raw, _ := json.Marshal(GenerateRequest{Args: []string{"gen", "new"}})
	if code, out := postRaw(t, a.Addr(), "Bearer x", raw); code != 404 || !strings.Contains(out.Error, "is off") {
		t.Errorf("got %d %+v", code, out)
	}
}

func TestConfigValidation(t *testing.T) {
	for _, cfg := range []Config{
		{Listen: "nonsense"},
		{Interval: time.Millisecond},
		{ProbeCPUShare: 2},
		{ProbeSizes: []int{0}},
		{Generate: GenerateConfig{Enabled: true}},
		{Generate: GenerateConfig{Enabled: true, Token: "t", Listen: "0.0.0.0:9465"}},
		{Generate: GenerateConfig{Enabled: true, Token: "t", Listen: "10.0.0.7:9465"}},
		{Generate: GenerateConfig{Enabled: true, Token: "t", Listen: "unix:"}},
		{MaxConnections: -1},
	} {
		if _, err := New(cfg, instrument.Disabled()); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}

func TestMeasureOnce(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "x"})
	st, err := MeasureOnce(context.Background(), Config{Cwd: dir, Logger: quietLogger(), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if st.Fits["time"] == nil || len(st.Probes) != len(measureSizes) || st.Index.Generators != 1 {
		t.Errorf("status: %+v", st)
	}
	for _, tg := range st.Targets {
		// Repeated probes of the same trees compile nothing new.
		if tg.Name == "cache_hit_ratio" && (tg.Value == nil || *tg.Value != 1) {
			t.Errorf("steady-state cache hit ratio = %v, want 1", tg.Value)
		}
	}
}

// A probe writing a large tree stops when the agent shuts down, well
// inside the deadline, instead of first writing all of its files (a
// 1,000-generator probe took a CI machine past the 10 s deadline).
func TestShutdownStopsAProbeWritingItsTree(t *testing.T) {
	probes := t.TempDir()
	cfg := Config{Listen: "127.0.0.1:0", Interval: time.Hour, ProbeInterval: time.Hour, ProbeSizes: []int{5000},
		ProbeCPUShare: 1, ProbeDir: probes, Logger: quietLogger(), Getenv: func(string) string { return "" },
		Cwd: testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/a.txt\n---\nhi\n"})}
	tel, _ := telemetry(t)
	a, err := New(cfg, tel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, "the probe to start writing its tree", 30*time.Second, func() (bool, string) {
		n := 0
		filepath.WalkDir(probes, func(string, fs.DirEntry, error) error { n++; return nil })
		return n > 100, fmt.Sprint(n, " paths")
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown during the probe: %v", err)
	}
	entries, _ := os.ReadDir(probes)
	if len(entries) != 0 {
		t.Errorf("the cut-short probe tree was left in %s: %d entries", probes, len(entries))
	}
}

// An Agent starts once. A second Start opened a second listener and left
// the first one's loops running, and Shutdown then waited for them forever;
// a Start after Shutdown served on with nothing left to stop it.
func TestAgentStartsOnce(t *testing.T) {
	a := startAgent(t, Config{}, instrument.Disabled())
	addr := a.Addr()
	if err := a.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "already started") {
		t.Errorf("second Start: %v, want an error", err)
	}
	if a.Addr() != addr {
		t.Errorf("the second Start moved the agent from %s to %s", addr, a.Addr())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := a.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "Start after Shutdown") {
		t.Errorf("Start after Shutdown: %v, want an error", err)
	}
	if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		conn.Close()
		t.Errorf("%s still accepts connections after Shutdown", addr)
	}
}

// A Start whose context has ended opens nothing, and leaves the Agent
// free to start with a live one.
func TestAgentStartWithEndedContext(t *testing.T) {
	a, err := New(Config{Listen: "127.0.0.1:0", Generate: GenerateConfig{Enabled: true, Token: "s3cret", Listen: "127.0.0.1:0"},
		Logger: quietLogger(), Getenv: func(string) string { return "" },
		Cwd: testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi\n"})}, instrument.Disabled())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Start(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Start with a cancelled context: %v, want context.Canceled", err)
	}
	if a.Addr() != "" || a.GenerateAddr() != "" {
		t.Errorf("a cancelled Start listens on %q and %q", a.Addr(), a.GenerateAddr())
	}
	if err := a.Start(context.Background()); err != nil {
		t.Fatalf("Start after a cancelled one: %v", err)
	}
	stop, cancelStop := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancelStop()
	if err := a.Shutdown(stop); err != nil {
		t.Fatal(err)
	}
}

// A missing Telemetry is an error, not a nil dereference later.
func TestNewWithoutTelemetry(t *testing.T) {
	if _, err := New(Config{}, nil); err == nil || !strings.Contains(err.Error(), "instrument.Disabled") {
		t.Errorf("New(cfg, nil) = %v, want an error naming instrument.Disabled", err)
	}
	if _, err := instrument.FromProviders(nil, nil); err == nil {
		t.Error("FromProviders(nil, nil) gave no error")
	}
}

// The catalog's bound on the probe size attribute names the default count.
func TestCatalogCountsTheDefaultProbeSizes(t *testing.T) {
	want := fmt.Sprintf("%d by default", len(Config{}.withDefaults().ProbeSizes))
	for _, a := range catalog.Attributes {
		if a.Key == catalog.AttrProbeSize && !strings.Contains(a.Bound, want) {
			t.Errorf("%s: %q, want it to say %q", a.Key, a.Bound, want)
		}
	}
}

// A Start that failed says so when tried again, and a Shutdown that
// overlaps a Start stops what the Start started: some of these agents
// served on after both returned, and -race saw their fields raced.
func TestAgentStartFailsOrOverlapsShutdown(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	cfg := Config{Listen: taken.Addr().String(), Generate: GenerateConfig{Listen: "127.0.0.1:0"}, Logger: quietLogger(),
		Getenv: func(string) string { return "" }, Cwd: testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi\n"})}
	a, err := New(cfg, instrument.Disabled())
	if err != nil {
		t.Fatal(err)
	}
	first := a.Start(context.Background())
	if first == nil {
		t.Fatal("Start on a taken address succeeded")
	}
	if err := a.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "an earlier Start failed") {
		t.Errorf("Start again: %v, want it to name the earlier failure", err)
	}

	cfg.Listen = "127.0.0.1:0"
	for range 20 {
		a, err := New(cfg, instrument.Disabled())
		if err != nil {
			t.Fatal(err)
		}
		started := make(chan error, 1)
		go func() { started <- a.Start(context.Background()) }()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		if err := a.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		cancel()
		<-started
		if addr := a.Addr(); addr != "" {
			if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
				conn.Close()
				t.Fatalf("%s still accepts connections after Start and Shutdown returned", addr)
			}
		}
	}
}

// CheckListen takes what net.Listen takes and refuses the rest before
// anything listens.
func TestCheckListen(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:0": true, "127.0.0.1:": true, "127.0.0.1:http": true, "[::1]:0": true, "localhost:9464": true, ":9464": true,
		":abc": false, "127.0.0.1:99999": false, "127.0.0.1:-1": false, "nonsense": false,
	} {
		if err := CheckListen(addr); (err == nil) != ok {
			t.Errorf("CheckListen(%q) = %v, want ok=%v", addr, err, ok)
		}
	}
}

// A Shutdown whose deadline ends while Start still runs (a .hygen.js that
// takes its whole second) leaves the stopping to that Start: once both
// have returned, nothing serves, and Shutdown again returns what the first
// call did. The agent served on.
func TestShutdownGivesUpOnASlowStart(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":            "while (true) {}\nmodule.exports = {}\n",
		"_templates/g/new/a.t": "---\nto: a.txt\n---\nhi\n",
	})
	a, err := New(Config{Listen: "127.0.0.1:0", Logger: quietLogger(), Getenv: func(string) string { return "" }, Cwd: dir}, instrument.Disabled())
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan error, 1)
	go func() { started <- a.Start(context.Background()) }()
	time.Sleep(100 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	first := a.Shutdown(ctx)
	cancel()
	<-started
	if addr := a.Addr(); addr != "" {
		if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			conn.Close()
			t.Errorf("%s accepts connections after Shutdown (%v) and Start returned", addr, first)
		}
	}
	if again := a.Shutdown(context.Background()); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("Shutdown again = %v, want the first call's %v", again, first)
	}
}

// A growth exponent is judged once its fit spans three tree sizes: through
// two, any curve is a straight line, and perf status said "met" of a fit
// over 10 and 100 generators.
func TestGrowthBudgetsNeedThreeSizes(t *testing.T) {
	for _, sizes := range []int{2, 3} {
		a := &Agent{fits: map[string]*Fit{"time": {B: 1, Sizes: sizes}, "memory": {B: 1, Sizes: sizes}}}
		for _, name := range []string{"time_growth_exponent", "memory_growth_exponent"} {
			if _, ok := a.measure(budgets.MustByName(name)); ok != (sizes >= 3) {
				t.Errorf("%s over %d sizes: measured %v", name, sizes, ok)
			}
		}
	}
}

// Removing the probes' scratch folder ends with the shutdown's deadline,
// naming the folder: a folder of a probe stopped in the middle of a large
// tree held the agent seconds past --shutdown-timeout.
func TestProbeFolderRemovalEndsWithTheDeadline(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	defer func(f func(string) error) { removeAll = f }(removeAll)
	removeAll = func(string) error { <-release; return nil } // a tree that takes longer than the deadline
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- removeWithin(ctx, "/tmp/hypergen-probes-x") }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "hypergen-probes-x") || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v; want the deadline, naming the folder", err)
		}
	case <-time.After(time.Minute): // a hang's bound, not a measurement
		t.Fatal("the removal held the shutdown past its deadline")
	}
}
