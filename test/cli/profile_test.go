package cli

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The start-up profile shows every phase, a non-zero total, the per-step sums
// over the rendered files and the index and cache lines.
func TestProfileStartup(t *testing.T) {
	dir := project(t)
	// yes: the spelling every HYPERGEN_ switch accepts (it was refused here).
	r := run(t, dir, []string{"HYPERGEN_PROFILE_STARTUP=yes"}, "component", "new", "Button")
	if r.code != 0 {
		t.Fatal(r)
	}
	for _, phase := range []string{"setup", "resolve", "list", "render", "plan", "apply", "total \\(since main\\)"} {
		m := regexp.MustCompile(`(?m)^\s*` + phase + `\s+([0-9.]+)`).FindStringSubmatch(r.stderr)
		if m == nil {
			t.Errorf("no %s line in the profile:\n%s", phase, r.stderr)
			continue
		}
		if v, _ := strconv.ParseFloat(m[1], 64); phase == "total \\(since main\\)" && v <= 0 {
			t.Errorf("total is %s ms:\n%s", m[1], r.stderr)
		}
	}
	for _, want := range []string{"render detail over 2 files", "index: ", "compiled-template cache: "} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("profile lacks %q:\n%s", want, r.stderr)
		}
	}
}

// HYPERGEN_PERFORMANCE_ENABLED=false turns off a generation's telemetry and
// its start-up profile; the same run with the switch on records both, so
// the check can fail.
func TestPerformanceDisabled(t *testing.T) {
	for _, on := range []bool{true, false} {
		t.Run("enabled="+strconv.FormatBool(on), func(t *testing.T) {
			dir := project(t)
			spans := filepath.Join(t.TempDir(), "spans.jsonl")
			r := run(t, dir, []string{"HYPERGEN_PERFORMANCE_ENABLED=" + strconv.FormatBool(on),
				"HYPERGEN_PROFILE_STARTUP=true", "OTEL_TRACES_EXPORTER=console", "OTEL_METRICS_EXPORTER=console",
				"HYPERGEN_TELEMETRY_FILE=" + spans}, "component", "new", "Button")
			if r.code != 0 {
				t.Fatal(r)
			}
			b, _ := os.ReadFile(spans)
			recorded := strings.Contains(string(b), "hypergen.run")
			profiled := strings.Contains(r.stderr, "startup profile")
			if recorded != on || profiled != on {
				t.Errorf("spans recorded %v, profile printed %v; want %v\n%s", recorded, profiled, on, r)
			}
			if !on && !strings.Contains(r.stderr, "HYPERGEN_PROFILE_STARTUP=true is ignored") {
				t.Errorf("no note that the profile is off:\n%s", r)
			}
			if _, err := os.Stat(filepath.Join(dir, "src", "Button.txt")); err != nil {
				t.Errorf("the generation itself must still run: %v", err)
			}
		})
	}
}

// OTEL_METRICS_EXPORTER=prometheus, exported in a shell for the agent,
// opens no pull endpoint in a CLI run, which exits before anyone could
// scrape it: with the address held (the agent's, by default the same), the
// run used to fail with exit 2. Both ways a run goes: exporting itself,
// and handed to hypergen-perf (console traces).
func TestPrometheusOpensNoEndpointInACLIRun(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, c := range []struct {
		name string
		env  []string
	}{
		{"no other exporter", nil},
		{"through hypergen-perf", []string{"OTEL_TRACES_EXPORTER=console", "HYPERGEN_TELEMETRY_FILE=" + filepath.Join(t.TempDir(), "spans.jsonl")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t)
			env := append([]string{"OTEL_METRICS_EXPORTER=prometheus", "HYPERGEN_PROMETHEUS_LISTEN=" + held.Addr().String()}, c.env...)
			r := run(t, dir, env, "component", "new", "Button")
			if r.code != 0 || strings.Contains(r.stderr, "address already in use") {
				t.Fatal(r)
			}
			if _, err := os.Stat(filepath.Join(dir, "src", "Button.txt")); err != nil {
				t.Error(err)
			}
		})
	}
}
