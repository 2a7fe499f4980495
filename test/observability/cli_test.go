package observability

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/dashboards"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// cliLoops run the generations at once, each in its own project folder (the
// runs of one loop inject into the same file one after another).
const cliLoops = 4

// cliTraffic is one-shot CLI runs from cliLoops concurrent loops, and what
// Prometheus, scraping the shipped Collector, counts of them.
type cliTraffic struct {
	t    *testing.T
	bin  string
	env  []string
	dirs []string
	prom *testenv.Prometheus
}

func newCLITraffic(t *testing.T, bin string, env []string, prom *testenv.Prometheus) *cliTraffic {
	c := &cliTraffic{t: t, bin: bin, env: env, prom: prom, dirs: make([]string, cliLoops)}
	for i := range c.dirs {
		c.dirs[i] = project(t)
	}
	return c
}

// runs executes good and bad generations spread over the loops, the
// failing ones interleaved with the good ones. midway, if not nil, is
// called once, while the loops go on, when half the runs have finished.
func (c *cliTraffic) runs(phase string, good, bad int, midway func()) {
	t := c.t
	var (
		mu       sync.Mutex
		failures []string
		finished atomic.Int32
		wg       sync.WaitGroup
	)
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
				cmd := exec.Command(c.bin, args...)
				cmd.Dir, cmd.Env = c.dirs[l], c.env
				out, err := cmd.CombinedOutput()
				if (err != nil) != failing || strings.Contains(string(out), "telemetry export failed") {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("hypergen %v: %v\n%s", args, err, out))
					mu.Unlock()
				}
				if int(finished.Add(1)) == (good+bad)/2 && midway != nil {
					midway()
				}
			}
		})
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d runs did not go as planned; first:\n%s", len(failures), failures[0])
	}
}

func (c *cliTraffic) counted(outcome string) float64 {
	// instrument/catalog.MetricSpanCalls, as Prometheus names it.
	s, err := c.prom.Query(fmt.Sprintf(`sum(hypergen_spans_calls_total{span_name="hypergen.run", hypergen_outcome=%q})`, outcome))
	if err != nil {
		c.t.Fatal(err)
	}
	if len(s) == 0 {
		return 0
	}
	return s[0].Value
}

// waitCounted polls until Prometheus has seen at least ok and failed runs
// (spanmetrics flushes every second, Prometheus scrapes every second), then
// returns what it reports. Bounded: one minute.
func (c *cliTraffic) waitCounted(ok, failed float64) (float64, float64) {
	deadline := time.Now().Add(time.Minute)
	for {
		gotOK, gotFailed := c.counted("ok"), c.counted("error")
		if (gotOK >= ok && gotFailed >= failed) || time.Now().After(deadline) {
			// Two more scrapes: a count past the target would show now.
			time.Sleep(2 * time.Second)
			return c.counted("ok"), c.counted("error")
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func (c *cliTraffic) series() float64 {
	s, err := c.prom.Query(`count({job="hypergen"})`)
	if err != nil || len(s) != 1 {
		c.t.Fatalf("counting series: %v %v", s, err)
	}
	return s[0].Value
}

// countExactly runs 220 generations (200 good, 20 failing) in two phases,
// the first of 10, and checks that Prometheus counts them exactly and holds
// no more series after the 220 than after the first 10. afterFirst, if not
// nil, runs between the phases; midway is called halfway through the
// second.
func (c *cliTraffic) countExactly(afterFirst, midway func()) {
	t := c.t
	c.runs("first", 8, 2, nil)
	ok, failed := c.waitCounted(8, 2)
	if ok != 8 || failed != 2 {
		t.Fatalf("after the first 10 runs Prometheus counts %v good and %v failed, want 8 and 2", ok, failed)
	}
	after10 := c.series()
	if afterFirst != nil {
		afterFirst()
	}
	c.runs("rest", 192, 18, midway)
	ok, failed = c.waitCounted(200, 20)
	after220 := c.series()
	t.Logf("Prometheus counts %v good and %v failed runs; hypergen series: %v after 10 runs, %v after 220", ok, failed, after10, after220)
	if ok != 200 || failed != 20 {
		t.Errorf("Prometheus counts %v good and %v failed runs, want 200 and 20", ok, failed)
	}
	if after220 > after10 {
		t.Errorf("%v hypergen series after 220 runs, more than the %v after the first 10", after220, after10)
	}
}

// TestCLIRunsAreCountedExactly: one-shot CLI runs only, no agent, through the
// shipped Collector pipeline into Prometheus. 220 runs (200 good, 20 failing)
// from four concurrent loops must be counted exactly, add no series after
// the first ten, and feed every Overview panel.
func TestCLIRunsAreCountedExactly(t *testing.T) {
	bin := hypergenBin
	col := testenv.StartShippedCollector(t)
	prom := testenv.StartPrometheus(t, col.Prometheus)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + col.OTLP, "OTEL_EXPORTER_OTLP_INSECURE=true",
		"HYPERGEN_TELEMETRY_TIMEOUT=10s"}
	newCLITraffic(t, bin, env, prom).countExactly(nil, nil)

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

// TestRelayedCLIRunsAreCountedExactly: the same 220 runs with
// HYPERGEN_TELEMETRY_RELAY set, handing their spans to an agent started
// with --relay, which exports them to the Collector. The agent is stopped
// (SIGTERM) halfway through the last 210: runs from then on export by
// themselves, and runs caught in between must be neither lost nor counted
// twice.
func TestRelayedCLIRunsAreCountedExactly(t *testing.T) {
	bin := hypergenBin
	col := testenv.StartShippedCollector(t)
	prom := testenv.StartPrometheus(t, col.Prometheus)
	sock := filepath.Join(testenv.SocketDir(t), "relay.sock")
	otel := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + col.OTLP, "OTEL_EXPORTER_OTLP_INSECURE=true",
		"HYPERGEN_TELEMETRY_RELAY=" + sock}
	agent := startAgent(t, bin, project(t), append(otel, "OTEL_METRIC_EXPORT_INTERVAL=1000"), "--probe-interval", "0")
	traffic := newCLITraffic(t, bin, append(otel, "HYPERGEN_TELEMETRY_TIMEOUT=10s"), prom)
	stopped := make(chan error, 1)
	traffic.countExactly(func() {
		// Every one of the first ten went through the agent.
		if got := relayed(t, agent.admin); got != 10 {
			t.Errorf("the agent received %v requests, want the first 10 runs' (one each)", got)
		}
	}, func() {
		stopped <- agent.stop()
	})
	if err := <-stopped; err != nil {
		t.Errorf("the agent stopped with %v:\n%s", err, agent.logs)
	}
	if _, err := os.Lstat(sock); !os.IsNotExist(err) {
		t.Errorf("the relay socket is still there after the agent stopped: %v", err)
	}
}

// relayed reads hypergen.agent.relay.requests{outcome=ok} from the agent's
// /metrics.
func relayed(t *testing.T, admin string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + admin + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "hypergen_agent_relay_requests_total{") && strings.Contains(line, `hypergen_outcome="ok"`) {
			v, err := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64)
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			return v
		}
	}
	t.Fatalf("no hypergen_agent_relay_requests_total{hypergen_outcome=\"ok\"} in the agent's /metrics (%v)", sc.Err())
	return 0
}
