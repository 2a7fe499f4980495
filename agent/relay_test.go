//go:build unix

package agent

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/grafana/pyroscope-go"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestShutdownAfterFailedStartWithRelay: Start fails after opening the
// relay socket (the generation API's address is taken); the socket is
// closed, and a later Shutdown, as a library caller may defer, returns.
func TestShutdownAfterFailedStartWithRelay(t *testing.T) {
	tel, err := instrument.Setup(context.Background(), instrument.Config{Enabled: true, Traces: []exporters.Kind{exporters.Console},
		ConsolePath: filepath.Join(t.TempDir(), "c"), Forwarding: true, ShutdownTimeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tel.Shutdown(context.Background())
	relay := filepath.Join(testenv.SocketDir(t), "r")
	a := failStartAtGenerate(t, Config{Relay: relay}, tel)
	if _, err := os.Lstat(relay); !os.IsNotExist(err) {
		t.Errorf("the relay socket is still there after the failed Start: %v", err)
	}
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("Shutdown after a failed Start panicked: %v", p)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = a.Shutdown(ctx)
}

// TestFailedStartUndoesEverything: Start fails at its last step (the
// generation API's address is taken) after making its probe folder and
// starting the profiler; both are undone: the folder is gone and the
// profiler stopped. Shutdown after that still returns.
func TestFailedStartUndoesEverything(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where Start makes its probe folder
	tel, reader := telemetry(t)
	a := failStartAtGenerate(t, Config{Profiling: ProfilingConfig{Enabled: true, ServerAddress: "http://127.0.0.1:1",
		ApplicationName: "hypergen-test", UploadRate: time.Hour, ProfileTypes: []pyroscope.ProfileType{pyroscope.ProfileCPU}}}, tel)
	// The agent never ran: no gauge says it is up, and it has no uptime.
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if g, ok := m.Data.(metricdata.Gauge[float64]); ok && m.Name == catalog.MetricAgentUp {
				for _, p := range g.DataPoints {
					if p.Value != 0 {
						t.Errorf("%s = %v after a failed Start", m.Name, p.Value)
					}
				}
			}
		}
	}
	if up := a.Status().Uptime; up != 0 {
		t.Errorf("uptime %v s after a failed Start, want 0", up)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "hypergen-probes-*")); len(left) > 0 {
		t.Errorf("the failed Start left its probe folder: %v", left)
	}
	// The profiler's goroutines end when it is stopped (its Stop waits for
	// them), so any left are a profiler still running.
	buf := make([]byte, 1<<20)
	if stacks := string(buf[:runtime.Stack(buf, true)]); strings.Contains(stacks, "github.com/grafana/pyroscope-go.") {
		t.Errorf("the failed Start left the profiler running:\n%s", stacks)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown after a failed Start: %v", err)
	}
}

// failStartAtGenerate makes an agent of cfg whose Start fails at its last
// step, the generation API's listener (its address is taken), and returns
// it after the failed Start.
func failStartAtGenerate(t *testing.T, cfg Config, tel *instrument.Telemetry) *Agent {
	t.Helper()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { busy.Close() })
	cfg.Listen = "127.0.0.1:0"
	cfg.Generate = GenerateConfig{Enabled: true, Listen: busy.Addr().String(), Root: t.TempDir(), Token: "0123456789abcdef0123456789abcdef"}
	cfg.Logger, cfg.Getenv = quietLogger(), func(string) string { return "" }
	cfg.Cwd = testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/x.txt\n---\nhi\n"})
	a, err := New(cfg, tel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err == nil {
		t.Fatal("Start succeeded on a busy generate address")
	}
	return a
}
