package telemetry

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestAgentLifecycle starts `hypergen perf monitor` against a real
// Collector, waits for its probes, checks the admin API, then stops it with
// SIGTERM and checks that its final flush reached the Collector.
func TestAgentLifecycle(t *testing.T) {
	col := testenv.StartCollector(t, testCollectorConfig)
	dir := project(t, nil)
	admin := testenv.FreeAddr(t)
	cmd := exec.Command(hypergenBin, "perf", "monitor", "--listen", admin, "--interval", "200ms",
		"--probe-interval", "1h", "--probe-sizes", "2,4,8", "--probe-cpu", "1", "--log-format", "json")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + col.OTLP, "OTEL_EXPORTER_OTLP_INSECURE=true",
		// Long enough that only the final flush can deliver the metrics.
		"OTEL_METRIC_EXPORT_INTERVAL=3600000"}
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			<-done
		}
	}()

	getBody := func(path string) (int, string) {
		resp, err := http.Get("http://" + admin + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	var status struct {
		Ready   bool
		Fits    map[string]any
		Targets []struct {
			Name  string
			Value *float64
		}
	}
	testenv.WaitFor(t, "the agent's first probe round in /status", 30*time.Second, func() (bool, string) {
		code, body := getBody("/status")
		if code != 200 || json.Unmarshal([]byte(body), &status) != nil {
			return false, fmt.Sprint(code, body)
		}
		return status.Ready && status.Fits["time"] != nil, body
	})
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/debug/pprof/": 404} {
		if code, body := getBody(path); code != want {
			t.Errorf("%s = %d %s, want %d", path, code, body, want)
		}
	}
	if code, body := getBody("/metrics"); code != 200 || !strings.Contains(body, "hypergen_probe_duration_seconds_bucket") ||
		!strings.Contains(body, `hypergen_target_met{hypergen_budget="generation_p95"`) {
		t.Errorf("/metrics = %d, missing probe or budget series:\n%.2000s", code, body)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("agent exited with %v after SIGTERM:\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("agent still running 30s after SIGTERM:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("no structured 'stopped' log line:\n%s", logs.String())
	}
	testenv.WaitFor(t, "the agent's final flush in the Collector", 30*time.Second, func() (bool, string) {
		m := testenv.Scrape(t, col.Prometheus)
		n := m["hypergen_probe_duration_seconds_count{hypergen_probe_size=8}"]
		_, budget := m["hypergen_target_met{hypergen_budget=resolution_p99}"]
		return n >= 1 && budget && hasKey(m, "hypergen_scalability_exponent"), fmt.Sprint(n, budget)
	})
}

func hasKey(m map[string]float64, prefix string) bool {
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// TestCLIDelegatesToAgent: with HYPERGEN_AGENT_URL set, the CLI sends the
// generation to a running agent, which writes it below its root.
func TestCLIDelegatesToAgent(t *testing.T) {
	dir := project(t, nil)
	admin, gen := testenv.FreeAddr(t), testenv.FreeAddr(t)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "HYPERGEN_AGENT_TOKEN=tok3n"}
	agentProc := exec.Command(hypergenBin, "perf", "monitor", "--listen", admin, "--probe-interval", "0",
		"--enable-generate", "--generate-listen", gen)
	agentProc.Dir, agentProc.Env = dir, env
	var logs strings.Builder
	agentProc.Stdout, agentProc.Stderr = &logs, &logs
	if err := agentProc.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = agentProc.Process.Signal(syscall.SIGTERM); _ = agentProc.Wait() }()
	testenv.WaitFor(t, "the agent ready", 30*time.Second, func() (bool, string) {
		resp, err := http.Get("http://" + admin + "/readyz")
		if err != nil {
			return false, err.Error()
		}
		resp.Body.Close()
		return resp.StatusCode == 200, resp.Status
	})

	other := t.TempDir() // the CLI runs elsewhere; the agent writes in its own root
	// The admin address does not serve generations: the API has its own.
	r := run(t, other, map[string]string{"HYPERGEN_AGENT_URL": "http://" + admin, "HYPERGEN_AGENT_TOKEN": "tok3n"}, "svc", "new", "remote")
	if r.code == 0 || !strings.Contains(r.stderr, "listens on "+gen) {
		t.Errorf("generation through the admin address: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, other, map[string]string{"HYPERGEN_AGENT_URL": "http://" + gen, "HYPERGEN_AGENT_TOKEN": "tok3n"}, "svc", "new", "remote")
	if r.code != 0 || !strings.Contains(r.stdout, "added: services/remote.go") {
		t.Fatalf("delegated run: exit %d\nstdout: %s\nstderr: %s\nagent: %s", r.code, r.stdout, r.stderr, logs.String())
	}
	if b, err := os.ReadFile(dir + "/services/remote.go"); err != nil || string(b) != "package remote\n" {
		t.Errorf("agent root services/remote.go = %q, %v", b, err)
	}
	r = run(t, other, map[string]string{"HYPERGEN_AGENT_URL": "http://" + gen, "HYPERGEN_AGENT_TOKEN": "wrong"}, "svc", "new", "x")
	if r.code != 1 || !strings.Contains(r.stderr, "token") {
		t.Errorf("wrong token: exit %d, stderr %q", r.code, r.stderr)
	}
}
