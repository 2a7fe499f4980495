package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// perf benchmark exits 1 exactly when a target it prints is missed, names the
// targets on stderr, and exits 0 with --no-fail; targets carry the budgets'
// names.
func TestBenchmarkExitFollowsTargets(t *testing.T) {
	dir := t.TempDir()
	for _, noFail := range []bool{false, true} {
		args := []string{"perf", "benchmark", "--iterations", "3", "--generators", "3", "--json"}
		if noFail {
			args = append(args, "--no-fail")
		}
		r := run(t, dir, nil, args...)
		var rep struct {
			Metrics []struct{ Name string }
			Targets []struct {
				Name string
				Met  bool
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("%v: %v", err, r)
		}
		var missed []string
		names := map[string]bool{}
		for _, tg := range rep.Targets {
			names[tg.Name] = true
			if !tg.Met {
				missed = append(missed, tg.Name)
			}
		}
		for _, want := range []string{"generation_p95", "resolution_p99", "cache_hit_ratio", "cold_generation_p50"} {
			if !names[want] {
				t.Errorf("no target %s: %v", want, rep.Targets)
			}
		}
		metrics := map[string]bool{}
		for _, m := range rep.Metrics {
			metrics[m.Name] = true
		}
		if !metrics["process_startup"] || !metrics["resolution"] || !metrics["generation"] {
			t.Errorf("metrics %v lack the shared names", rep.Metrics)
		}
		want := 0
		if len(missed) > 0 && !noFail {
			want = 1
		}
		if r.code != want {
			t.Errorf("--no-fail=%v, missed %v: exit %d, want %d\n%s", noFail, missed, r.code, want, r.stderr)
		}
		if want == 1 && !strings.Contains(r.stderr, "targets not met: "+strings.Join(missed, ", ")) {
			t.Errorf("stderr does not name the missed targets: %s", r.stderr)
		}
	}
}
