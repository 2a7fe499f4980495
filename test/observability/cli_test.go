package observability

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/dashboards"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// cliLoops run the generations at once, each in its own project folder (the
// runs of one loop inject into the same file one after another).
const cliLoops = 4

// TestCLIRunsAreCountedExactly: one-shot CLI runs only, no agent, through the
// shipped Collector pipeline into Prometheus. 220 runs (200 good, 20 failing)
// from four concurrent loops must be counted exactly, add no series after
// the first ten, and feed every Overview panel.
func TestCLIRunsAreCountedExactly(t *testing.T) {
	bin, err := testenv.BuildHypergen(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	col := testenv.StartShippedCollector(t)
	prom := testenv.StartPrometheus(t, col.Prometheus)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + col.OTLP, "OTEL_EXPORTER_OTLP_INSECURE=true",
		"HYPERGEN_TELEMETRY_TIMEOUT=10s"}
	dirs := make([]string, cliLoops)
	for i := range dirs {
		dirs[i] = project(t)
	}

	var mu sync.Mutex
	var failures []string
	// runs executes good and bad generations spread over the loops, the
	// failing ones interleaved with the good ones.
	runs := func(phase string, good, bad int) {
		var wg sync.WaitGroup
		for l := range cliLoops {
			wg.Go(func() {
				n := 0
				for i := l; i < good+bad; i += cliLoops {
					args := []string{"svc", "new", fmt.Sprintf("%s_%d_%d", phase, l, n)}
					k := (good + bad) / bad
					failing := i%k == 0 && i/k < bad // every k-th run fails, bad of them
					if failing {
						args = []string{"bad", "new", "x"}
					}
					n++
					cmd := exec.Command(bin, args...)
					cmd.Dir, cmd.Env = dirs[l], env
					out, err := cmd.CombinedOutput()
					if (err != nil) != failing || strings.Contains(string(out), "telemetry export failed") {
						mu.Lock()
						failures = append(failures, fmt.Sprintf("hypergen %v: %v\n%s", args, err, out))
						mu.Unlock()
					}
				}
			})
		}
		wg.Wait()
		if len(failures) > 0 {
			t.Fatalf("%d runs did not go as planned; first:\n%s", len(failures), failures[0])
		}
	}
	counted := func(outcome string) float64 {
		// instrument/catalog.MetricSpanCalls, as Prometheus names it.
		s, err := prom.Query(fmt.Sprintf(`sum(hypergen_spans_calls_total{span_name="hypergen.run", hypergen_outcome=%q})`, outcome))
		if err != nil {
			t.Fatal(err)
		}
		if len(s) == 0 {
			return 0
		}
		return s[0].Value
	}
	// waitCounted polls until Prometheus has seen at least ok and failed
	// runs (spanmetrics flushes every second, Prometheus scrapes every
	// second), then returns what it reports. Bounded: one minute.
	waitCounted := func(ok, failed float64) (float64, float64) {
		deadline := time.Now().Add(time.Minute)
		for {
			gotOK, gotFailed := counted("ok"), counted("error")
			if (gotOK >= ok && gotFailed >= failed) || time.Now().After(deadline) {
				// Two more scrapes: a count past the target would show now.
				time.Sleep(2 * time.Second)
				return counted("ok"), counted("error")
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	series := func() float64 {
		s, err := prom.Query(`count({job="hypergen"})`)
		if err != nil || len(s) != 1 {
			t.Fatalf("counting series: %v %v", s, err)
		}
		return s[0].Value
	}

	runs("first", 8, 2)
	ok, failed := waitCounted(8, 2)
	if ok != 8 || failed != 2 {
		t.Fatalf("after the first 10 runs Prometheus counts %v good and %v failed, want 8 and 2", ok, failed)
	}
	after10 := series()

	runs("rest", 192, 18)
	ok, failed = waitCounted(200, 20)
	after220 := series()
	t.Logf("Prometheus counts %v good and %v failed runs; hypergen series: %v after 10 runs, %v after 220", ok, failed, after10, after220)
	if ok != 200 || failed != 20 {
		t.Errorf("Prometheus counts %v good and %v failed runs, want 200 and 20", ok, failed)
	}
	if after220 > after10 {
		t.Errorf("%v hypergen series after 220 runs, more than the %v after the first 10", after220, after10)
	}

	// Every Overview panel has data from this CLI-only traffic.
	qs, err := dashboards.ShippedQueries(filepath.Join(testenv.RepoRoot(), "dashboards"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range probes(t, qs) {
		if !strings.HasPrefix(p.where, "json/overview.json: ") {
			continue
		}
		n++
		s, err := prom.Query(p.expr)
		if err != nil {
			t.Fatalf("%s: Prometheus refused %s: %v", p.where, p.expr, err)
		}
		if !hasData(s) {
			t.Errorf("%s returned no data: %s", p.where, p.expr)
		}
	}
	if n == 0 {
		t.Error("no Overview queries found")
	}
}
