package perfcli

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/agent"
	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/cli"
)

func TestPerfBadInputIsAUsageError(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"nope"},
		{"benchmark", "--iterations", "0"},
		{"benchmark", "--iterations", "many"},
		{"test", "--generators", "5"},
		{"test", "--reps", "1"},
		{"export"},
		{"export", "--output", dir + "/missing/x.json"},
		{"export", "--output", "-"},
		{"corpus", "--output", dir + "/c", "--generators", "0"},
	} {
		var out, errOut strings.Builder
		code := Main(&cli.Env{Args: args, Stdout: &out, Stderr: &errOut, Cwd: dir, Getenv: func(string) string { return "" }})
		if code != cli.ExitUsage || errOut.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
	if _, err := os.Stat(dir + "/c"); err == nil {
		t.Error("corpus folder made despite the bad spec")
	}
	if _, err := os.Stat(dir + "/-"); err == nil {
		t.Error(`perf export --output - wrote a file named "-"`)
	}
}

// TestTelemetryVarsComplete keeps cli.TelemetryVars in step with what
// instrument.FromEnv reads: hypergen hands a generation to hypergen-perf
// only when one of them is set, so a variable missing from the list would be
// ignored by every everyday run. The only variable allowed to be missing is
// one that can neither switch telemetry on nor be invalid.
func TestTelemetryVarsComplete(t *testing.T) {
	var read []string
	if _, err := instrument.FromEnv(func(k string) string { read = append(read, k); return "" }); err != nil {
		t.Fatal(err)
	}
	if len(read) == 0 {
		t.Fatal("instrument.FromEnv read no variable")
	}
	listed := cli.TelemetryVars()
	for _, k := range read {
		if slices.Contains(listed, k) {
			continue
		}
		for _, v := range []string{"x", "true", "http://127.0.0.1:1"} {
			cfg, err := instrument.FromEnv(func(name string) string {
				if name == k {
					return v
				}
				return ""
			})
			if err != nil || len(cfg.Traces) > 0 || len(cfg.Metrics) > 0 {
				t.Errorf("instrument.FromEnv reads %s, which %s=%q makes matter (err %v), but cli.TelemetryVars lacks it",
					k, k, v, err)
			}
		}
	}
}

// The agent pushes its metrics every 15 s unless told otherwise: at the
// SDK's 60 s the dashboards' 60 s rate windows read 0 one point in four.
func TestMonitorMetricInterval(t *testing.T) {
	for env, want := range map[string]time.Duration{"": 15 * time.Second, "5000": 5 * time.Second} {
		cfg, err := monitorTelemetry(func(k string) string {
			if k == "OTEL_METRIC_EXPORT_INTERVAL" {
				return env
			}
			return ""
		})
		if err != nil || cfg.MetricInterval != want {
			t.Errorf("OTEL_METRIC_EXPORT_INTERVAL=%q: %v, %v; want %v", env, cfg.MetricInterval, err, want)
		}
	}
}

// printStatus shows why a status is unhealthy when no budget says so: the
// templates could not be indexed, or a generation is stuck.
func TestPrintStatusShowsIndexErrorAndStuck(t *testing.T) {
	var b strings.Builder
	printStatus(&b, "test", agent.Status{
		Index: agent.IndexStatus{Templates: "/p/_templates", Error: "open /p/_templates/h/new: permission denied"},
		Stuck: "stopped: ran longer than the JavaScript time limit of 1s",
	})
	for _, want := range []string{"UNHEALTHY, NOT READY (test)", "Indexing failed: open /p/_templates/h/new: permission denied",
		"Stuck: a generation's JavaScript stopped: ran longer"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, b.String())
		}
	}
	// No templates folder at all: healthy, not ready, and nothing "failed"
	// (it said HEALTHY next to "Indexing failed", with an empty path).
	b.Reset()
	printStatus(&b, "test", agent.Status{Healthy: true, Index: agent.IndexStatus{Error: "no templates found"}})
	if out := b.String(); !strings.HasPrefix(out, "HEALTHY, NOT READY (test)\nTemplates: none found (no templates found)\n") || strings.Contains(out, "failed") {
		t.Errorf("status without templates:\n%s", out)
	}
}
