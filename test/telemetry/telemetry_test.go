package telemetry

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

func otlpEnv(c *testenv.Collector) map[string]string {
	return map[string]string{
		"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + c.OTLP,
		"OTEL_EXPORTER_OTLP_INSECURE": "true",
		"HYPERGEN_TELEMETRY_TIMEOUT":  "10s",
		"HYPERGEN_TRACE_STEPS":        "true",
	}
}

// TestGenerationsReachTheCollector runs two good generations and a failing one
// against a real Collector and checks the spans and metrics that arrived. A
// CLI run exports metrics only when OTEL_METRICS_EXPORTER asks for them
// (TestCLIExportsSpansOnly covers the default).
func TestGenerationsReachTheCollector(t *testing.T) {
	col := testenv.StartCollector(t, testCollectorConfig)
	env := otlpEnv(col)
	env["OTEL_METRICS_EXPORTER"] = "otlp"

	spans := threeRuns(t, col, env)

	// Metrics, as Prometheus sees them through the Collector.
	var m map[string]float64
	testenv.WaitFor(t, "three runs in the Collector's Prometheus exporter", 30*time.Second, func() (bool, string) {
		m = testenv.Scrape(t, col.Prometheus)
		ok := m["hypergen_runs_total{hypergen_outcome=ok}"] == 2 && m["hypergen_runs_total{hypergen_outcome=error}"] == 1
		return ok, fmt.Sprint(m["hypergen_runs_total{hypergen_outcome=ok}"], m["hypergen_runs_total{hypergen_outcome=error}"])
	})
	// Each good run renders "package NAME\n", "package NAME_test\n" and "NAME".
	wantBytes := 0
	for _, n := range []string{"billing", "ledger"} {
		wantBytes += len("package "+n+"\n") + len("package "+n+"_test\n") + len(n)
	}
	want := map[string]float64{
		"hypergen_files_written_total{hypergen_operation=add,hypergen_outcome=added}":                 4,
		"hypergen_files_written_total{hypergen_operation=inject,hypergen_outcome=injected}":           2,
		"hypergen_operation_duration_seconds_count{hypergen_operation=render,hypergen_outcome=ok}":    2,
		"hypergen_operation_duration_seconds_count{hypergen_operation=render,hypergen_outcome=error}": 1,
		"hypergen_operation_duration_seconds_count{hypergen_operation=add,hypergen_outcome=added}":    4,
		"hypergen_operation_duration_seconds_count{hypergen_operation=run,hypergen_outcome=ok}":       2,
		"hypergen_startup_duration_seconds_count{hypergen_phase=resolve}":                             3,
		"hypergen_startup_duration_seconds_count{hypergen_phase=telemetry}":                           3,
		// A text with an EJS tag is one cache request; a text without
		// (registry.txt, d.txt) renders to itself without one: 5 per good
		// run, 6 in the failing one (its d.ejs.t body too).
		"hypergen_cache_requests_total{hypergen_cache_result=miss}": 5 + 5 + 6,
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	// The failing run rendered the good templates before the bad one failed,
	// so only a lower bound holds for bytes.
	if got := m["hypergen_rendered_bytes_total{}"]; got < float64(wantBytes) {
		t.Errorf("hypergen_rendered_bytes_total = %v, want at least %d", got, wantBytes)
	}
	if m["hypergen_operation_duration_seconds_sum{hypergen_operation=run,hypergen_outcome=ok}"] <= 0 {
		t.Error("run durations sum to zero")
	}
	if _, ok := m["go_goroutine_count{}"]; !ok {
		t.Error("Go runtime metrics missing (go_goroutine_count)")
	}

	byID := map[string]span{}
	for _, s := range spans {
		byID[s.ID] = s
	}
	roots := 0
	for _, s := range spans {
		if s.Name != "hypergen.run" {
			continue
		}
		roots++
		if s.ParentID != "" {
			t.Errorf("hypergen.run has parent %q", s.ParentID)
		}
		if s.Attrs["hypergen.generator"] != "svc" || s.Attrs["hypergen.action"] != "new" {
			t.Errorf("run attributes: %v", s.Attrs)
		}
		children := map[string]int{}
		for _, c := range spans {
			if c.ParentID == s.ID {
				children[c.Name]++
			}
		}
		if s.Status == "Error" {
			if !strings.HasSuffix(s.Attrs["code.filepath"], filepath.Join("svc", "new", "d.ejs.t")) || s.Attrs["code.lineno"] != "5" {
				t.Errorf("failed run does not locate the error: %v", s.Attrs)
			}
			continue
		}
		for name, n := range map[string]int{"hypergen.resolve": 1, "hypergen.list": 1, "hypergen.render": 1, "hypergen.plan": 1,
			"hypergen.apply": 1, "hypergen.template": 3, "hypergen.op.add": 2, "hypergen.op.inject": 1} {
			if children[name] != n {
				t.Errorf("run %s: %d %s children, want %d (children: %v)", s.ID, children[name], name, n, children)
			}
		}
	}
	for _, s := range spans {
		switch s.Name {
		case "hypergen.compile", "hypergen.read", "hypergen.parse", "hypergen.render_template":
			if byID[s.ParentID].Name != "hypergen.template" {
				t.Errorf("%s is a child of %q, want hypergen.template", s.Name, byID[s.ParentID].Name)
			}
		case "hypergen.template":
			if s.Attrs["hypergen.cache.result"] != "miss" { // a fresh process compiles every text
				t.Errorf("template span cache result %q, want miss", s.Attrs["hypergen.cache.result"])
			}
		case "hypergen.run":
			want := "ok"
			if s.Status == "Error" {
				want = "error"
			}
			if s.Attrs["hypergen.outcome"] != want {
				t.Errorf("run span (status %s) outcome %q", s.Status, s.Attrs["hypergen.outcome"])
			}
		case "hypergen.op.add":
			if s.Attrs["hypergen.outcome"] != "added" || !strings.HasPrefix(s.Attrs["hypergen.target"], "services/") || s.Attrs["hypergen.bytes"] == "" {
				t.Errorf("op.add attributes: %v", s.Attrs)
			}
		}
	}
	if roots != 3 {
		t.Errorf("%d runs, want 3", roots)
	}
}

// TestCLIExportsSpansOnly: with only an endpoint set, a CLI run sends its
// trace and no metric series (the Collector counts runs from spans).
func TestCLIExportsSpansOnly(t *testing.T) {
	col := testenv.StartCollector(t, testCollectorConfig)
	env := otlpEnv(col)
	if r := run(t, project(t, nil), env, "svc", "new", "alone"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	waitForGoodRun(t, col)
	for k := range testenv.Scrape(t, col.Prometheus) {
		if strings.HasPrefix(k, "hypergen_") || strings.HasPrefix(k, "go_") {
			t.Errorf("the CLI exported metric %s", k)
		}
	}
}

// TestUnreachableCollector: generation still succeeds, the process ends, and
// the failure is reported once.
func TestUnreachableCollector(t *testing.T) {
	dir := project(t, nil)
	closed := testenv.FreeAddr(t) // nothing listens here
	r := run(t, dir, map[string]string{
		"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + closed,
		"OTEL_EXPORTER_OTLP_INSECURE": "true",
	}, "svc", "new", "orders")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "services", "orders.go")); err != nil {
		t.Errorf("file not generated: %v", err)
	}
	if n := strings.Count(r.stderr, "telemetry export failed"); n != 1 {
		t.Errorf("failure reported %d times, want once:\n%s", n, r.stderr)
	}
}

// TestBadTelemetryVariablesAreUsageErrors: with an endpoint set (a closed
// port: nothing is exported before the check), a bad value is exit 2
// naming the variable, with nothing written.
func TestBadTelemetryVariablesAreUsageErrors(t *testing.T) {
	for name, value := range map[string]string{
		"OTEL_SDK_DISABLED":           "perhaps",
		"OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
		"OTEL_METRICS_EXPORTER":       "statsd",
		// Values the SDK only logs, carrying on with its default.
		"OTEL_TRACES_SAMPLER":      "bogus",
		"OTEL_RESOURCE_ATTRIBUTES": "=,,=x",
		// Strings protobuf refuses, failing a whole export (an agent's
		// batch of other runs' spans included), and headers HTTP/2 refuses.
		"OTEL_SERVICE_NAME":              "svc\xff",
		"OTEL_EXPORTER_OTLP_HEADERS":     "Bad Name=v",
		"OTEL_EXPORTER_OTLP_COMPRESSION": "zstd",
		"OTEL_EXPORTER_OTLP_ENDPOINT":    "http://127.0.0.1:99999",
		// Numbers the SDK used as they came: these panicked (make with a
		// negative or huge size) with a goroutine dump.
		"OTEL_BSP_MAX_QUEUE_SIZE":        "-5",
		"OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "99999999999999",
		"OTEL_BSP_SCHEDULE_DELAY":        "0",
		// Logged by the SDK, which then went on without them.
		"OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT":        "abc",
		"OTEL_EXPORTER_OTLP_CERTIFICATE":         "/nonexistent/ca.pem",
		"OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY":   "/nonexistent/key.pem",
		"OTEL_EXPORTER_OTLP_METRICS_CERTIFICATE": "/etc/passwd", // no PEM in it
	} {
		dir := project(t, nil)
		env := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1", name: value}
		r := run(t, dir, env, "svc", "new", "x")
		if r.code != 2 || !strings.Contains(r.stderr, name) {
			t.Errorf("%s=%s: exit %d, stderr %q; want 2 and the variable named", name, value, r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "services")); err == nil {
			t.Errorf("%s=%s: files written despite the error", name, value)
		}
	}
}

// TestBadResourceOfARelayedRun: with only the agent's relay set, the record
// carries the resource, so a bad OTEL_RESOURCE_ATTRIBUTES or
// OTEL_SERVICE_NAME is exit 2 naming it, with nothing written. It used to
// hand the run to the SDK pipeline, which had nowhere to export it: exit 0,
// a warning that the run exported through the SDK, and nothing exported.
func TestBadResourceOfARelayedRun(t *testing.T) {
	for name, value := range map[string]string{"OTEL_RESOURCE_ATTRIBUTES": "team", "OTEL_SERVICE_NAME": "svc\x01"} {
		dir := project(t, nil)
		r := run(t, dir, map[string]string{"HYPERGEN_TELEMETRY_RELAY": filepath.Join(t.TempDir(), "relay.sock"), name: value}, "svc", "new", "x")
		if r.code != 2 || !strings.Contains(r.stderr, name) || strings.Contains(r.stderr, "is not used") {
			t.Errorf("%s=%q: exit %d, stderr %q; want 2 and the variable named", name, value, r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "services")); err == nil {
			t.Errorf("%s=%q: files written despite the error", name, value)
		}
	}
}

// A relay socket path that is no absolute path is a usage error where the
// run would hand its record over, and not looked at when telemetry is
// switched off: such a run "stays in hypergen and exports nothing, relay
// or not" (it failed with exit 2).
func TestRelayIgnoredWhenTelemetryIsOff(t *testing.T) {
	for _, off := range []map[string]string{{"OTEL_SDK_DISABLED": "true"}, {"HYPERGEN_PERFORMANCE_ENABLED": "false"}, {"OTEL_TRACES_EXPORTER": "none"}, nil} {
		env := map[string]string{"HYPERGEN_TELEMETRY_RELAY": "relative.sock"}
		maps.Copy(env, off)
		dir := project(t, nil)
		r := run(t, dir, env, "svc", "new", "x")
		_, err := os.Stat(filepath.Join(dir, "services", "x.go"))
		switch {
		case off == nil && (r.code != 2 || !strings.Contains(r.stderr, "HYPERGEN_TELEMETRY_RELAY")):
			t.Errorf("telemetry on: exit %d, stderr %q; want 2 naming the variable", r.code, r.stderr)
		case off != nil && (r.code != 0 || err != nil):
			t.Errorf("%v: exit %d, stderr %q, file %v; want the run to ignore the relay", off, r.code, r.stderr, err)
		}
	}
}

// An endpoint without a port (which gRPC dials at 443, in plain text for
// http://) or with port 0, and a sampler ratio that is not a number, are
// usage errors, whichever pipeline the run would take; the message never
// shows an endpoint's password.
func TestBadEndpointsAndRatiosAreUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"no port", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1"}, "OTEL_EXPORTER_OTLP_ENDPOINT"},
		{"port 0", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:0"}, "OTEL_EXPORTER_OTLP_ENDPOINT"},
		{"password", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://user:s3cr3t@127.0.0.1"}, "user:xxxxx@127.0.0.1"},
		{"ratio NaN", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1",
			"OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "NaN"}, "OTEL_TRACES_SAMPLER_ARG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t, nil)
			r := run(t, dir, tt.env, "svc", "new", "x")
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "s3cr3t") {
				t.Errorf("exit %d, stderr %q; want 2, %q named and no password", r.code, r.stderr, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "services")); err == nil {
				t.Error("files written despite the error")
			}
		})
	}
}

// A switch that turns telemetry off turns it off in the hypergen binary
// itself, relay or not: the run was handed to hypergen-perf, with a
// warning that the relay went unused because the run "exports through the
// OpenTelemetry SDK".
func TestTelemetrySwitchedOffStaysInTheBinary(t *testing.T) {
	for name, value := range map[string]string{
		"OTEL_SDK_DISABLED":            "true",
		"HYPERGEN_PERFORMANCE_ENABLED": "false",
		"OTEL_TRACES_EXPORTER":         "none",
	} {
		t.Run(name, func(t *testing.T) {
			dir := project(t, nil)
			env := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1",
				"HYPERGEN_TELEMETRY_RELAY": filepath.Join(t.TempDir(), "relay.sock"), name: value}
			r := run(t, dir, env, "svc", "new", "x")
			if r.code != 0 || r.stderr != "" {
				t.Errorf("exit %d, stderr %q; want 0 and nothing on stderr", r.code, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "services")); err != nil {
				t.Error(err)
			}
		})
	}
}

// Resource attributes and headers whose decoded values protobuf or HTTP/2
// refuse are usage errors too (checked after percent-decoding).
func TestUndecodableTelemetryValuesAreUsageErrors(t *testing.T) {
	for name, value := range map[string]string{
		"OTEL_RESOURCE_ATTRIBUTES":   "team=%FF",
		"OTEL_EXPORTER_OTLP_HEADERS": "x-a=v%0d%0ainjected: 1",
	} {
		r := run(t, project(t, nil), map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1", name: value}, "svc", "new", "x")
		if r.code != 2 || !strings.Contains(r.stderr, name) {
			t.Errorf("%s=%s: exit %d, stderr %q; want 2 and the variable named", name, value, r.code, r.stderr)
		}
	}
}

// TestReferenceCollectorConfig validates otel-collector.yaml with the built
// Collector, and shows the check can fail.
func TestReferenceCollectorConfig(t *testing.T) {
	bin := testenv.CollectorBinary(t)
	ref := filepath.Join(testenv.RepoRoot(), "otel-collector.yaml")
	if out, err := exec.Command(bin, "validate", "--config", ref).CombinedOutput(); err != nil {
		t.Fatalf("otel-collector.yaml does not validate: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte(strings.Replace(string(raw), "exporters: [prometheus, debug]", "exporters: [prometheus, nosuchexporter]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "validate", "--config", broken).CombinedOutput(); err == nil {
		t.Fatalf("a config with an unknown exporter validated:\n%s", out)
	} else if !strings.Contains(string(out), "nosuchexporter") {
		t.Errorf("validation error does not name the unknown exporter:\n%s", out)
	}
}
