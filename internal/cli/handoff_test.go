package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binaries builds hypergen with hypergen-perf beside it, once per test run.
func binaries(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hypergen-cli-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin, buildErr = testenv.BuildHypergen(dir)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// run runs bin in dir with only the given environment (plus a cache folder)
// and returns its exit status and combined output.
func run(t *testing.T, bin, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"HYPERGEN_CACHE_DIR=" + filepath.Join(dir, ".cache"), "PATH=/nonexistent"}, env...)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// withoutPerf is a copy of the hypergen binary bin in a folder of its own,
// with no hypergen-perf beside it.
func withoutPerf(t *testing.T, bin string) string {
	t.Helper()
	alone := filepath.Join(t.TempDir(), "hypergen")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return alone
}

// TestHandOffToPerfExecutable runs the built binaries: the commands and runs
// hypergen hands to hypergen-perf work as before, and without hypergen-perf
// each says how to install it (a telemetry-only run still generates).
func TestHandOffToPerfExecutable(t *testing.T) {
	bin := binaries(t)
	alone := withoutPerf(t, bin)
	tree := map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi <%= name %>"}
	tests := []struct {
		name     string
		bin      string
		env      []string
		args     []string
		code     int
		contains []string
		wrote    bool
	}{
		{"perf command", bin, nil, []string{"perf", "corpus", "--output", "c", "--generators", "1"}, 0,
			[]string{"Wrote 10 templates"}, false},
		{"perf help", bin, nil, []string{"help", "perf"}, 0, []string{"Usage: hypergen perf COMMAND", "monitor"}, false},
		{"perf usage error keeps its status", bin, nil, []string{"perf", "nope"}, 2, []string{`unknown command "nope"`}, false},
		{"telemetry exported", bin, []string{"OTEL_TRACES_EXPORTER=console", "OTEL_METRICS_EXPORTER=none"},
			[]string{"gen", "new", "x"}, 0, []string{"added: a.txt", `"Name":"hypergen.run"`}, true},
		{"bad telemetry variable", bin, []string{"OTEL_SDK_DISABLED=maybe"}, []string{"gen", "new", "x"}, 2,
			[]string{"OTEL_SDK_DISABLED"}, false},
		{"no telemetry configured", alone, nil, []string{"gen", "new", "x"}, 0, []string{"added: a.txt"}, true},
		{"perf without hypergen-perf", alone, nil, []string{"perf", "status"}, 1,
			[]string{"needs the hypergen-perf executable", "go install github.com/hypergen-dev/hypergen/cmd/hypergen-perf@latest"}, false},
		{"telemetry without hypergen-perf", alone, []string{"OTEL_TRACES_EXPORTER=console"}, []string{"gen", "new", "x"}, 0,
			[]string{"added: a.txt", "warning: telemetry is off for this run", "hypergen-perf"}, true},
		{"agent without hypergen-perf", alone, []string{"HYPERGEN_AGENT_URL=http://127.0.0.1:1"}, []string{"gen", "new", "x"}, 1,
			[]string{"HYPERGEN_AGENT_URL needs the hypergen-perf executable"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, tree)
			code, out := run(t, tt.bin, dir, tt.env, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, out)
			}
			for _, c := range tt.contains {
				if !strings.Contains(out, c) {
					t.Errorf("output lacks %q:\n%s", c, out)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "a.txt")); (err == nil) != tt.wrote {
				t.Errorf("a.txt written: %v, want %v", err == nil, tt.wrote)
			}
		})
	}
}

// Variables set in a shell for the agent's Prometheus endpoint ask nothing
// of a CLI run, which opens none: they sent it to hypergen-perf, or said
// telemetry was off where it had no hypergen-perf.
func TestPrometheusAloneRequestsNoTelemetry(t *testing.T) {
	for env, want := range map[string]bool{
		"OTEL_METRICS_EXPORTER=prometheus":          false,
		"OTEL_METRICS_EXPORTER= prometheus , ":      false,
		"HYPERGEN_PROMETHEUS_LISTEN=127.0.0.1:9464": false,
		"OTEL_METRICS_EXPORTER=prometheus,otlp":     true,
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://x:4317": true,
	} {
		k, v, _ := strings.Cut(env, "=")
		if got := telemetryRequested(func(name string) string {
			if name == k {
				return v
			}
			return ""
		}); got != want {
			t.Errorf("%s: requested = %v, want %v", env, got, want)
		}
	}
}

// A run with telemetry switched off exports nothing, so it stays in
// hypergen whatever else is set (TLS, compression, a sampler, SDK limits):
// such settings sent it to hypergen-perf to be checked, 2.5 times slower to
// start. Run here with no hypergen-perf beside it, a hand-over would warn.
// What every run checks still fails it.
func TestSwitchedOffRunStaysHere(t *testing.T) {
	alone := withoutPerf(t, binaries(t))
	exotic := []string{"OTEL_EXPORTER_OTLP_ENDPOINT=https://collector.example:4317", "OTEL_EXPORTER_OTLP_COMPRESSION=gzip",
		"OTEL_EXPORTER_OTLP_CERTIFICATE=/etc/ca.pem", "OTEL_TRACES_SAMPLER=parentbased_traceidratio", "OTEL_BSP_MAX_QUEUE_SIZE=4096",
		"OTEL_METRICS_EXPORTER=otlp"}
	for _, off := range []string{"OTEL_SDK_DISABLED=true", "HYPERGEN_PERFORMANCE_ENABLED=false"} {
		dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi\n"})
		code, out := run(t, alone, dir, append([]string{off}, exotic...), "gen", "new")
		if code != 0 || !strings.Contains(out, "added: a.txt") || strings.Contains(out, "hypergen-perf") {
			t.Errorf("%s: exit %d, want 0 with no hand-over:\n%s", off, code, out)
		}
	}
	for _, bad := range []string{"OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf", "OTEL_TRACES_EXPORTER=jaeger", "OTEL_EXPORTER_OTLP_TIMEOUT=soon"} {
		dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi\n"})
		code, out := run(t, alone, dir, []string{"OTEL_SDK_DISABLED=true", bad}, "gen", "new")
		name, _, _ := strings.Cut(bad, "=")
		if code != 2 || !strings.Contains(out, name) {
			t.Errorf("%s: exit %d, want 2 naming it:\n%s", bad, code, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "a.txt")); err == nil {
			t.Errorf("%s: a.txt written", bad)
		}
	}
}
