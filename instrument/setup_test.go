package instrument

import (
	"context"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/exporters"
)

// A Setup that fails part-way stops what it had started: the pull endpoint
// it opened gives its port back, and the readers made before the failure
// stop, so a corrected retry works and nothing logs on every interval.
func TestFailedSetupLeavesNothingRunning(t *testing.T) {
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1") // nothing is exported in the test's time
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	freeAddr := free.Addr().String()
	free.Close()

	before := runtime.NumGoroutine()
	for _, tc := range []struct {
		metrics []exporters.Kind
		listen  string
	}{
		// The second endpoint cannot have the first one's port.
		{[]exporters.Kind{exporters.Prometheus, exporters.Prometheus}, freeAddr},
		// A periodic reader, then an endpoint whose port is taken.
		{[]exporters.Kind{exporters.OTLP, exporters.Console, exporters.Prometheus}, taken.Addr().String()},
	} {
		tel, err := Setup(context.Background(), Config{Enabled: true, Metrics: tc.metrics, PrometheusListen: tc.listen,
			MetricInterval: 10 * time.Millisecond}, &strings.Builder{})
		if err == nil {
			_ = tel.Shutdown(context.Background())
			t.Fatalf("%v on %s: Setup succeeded, want a failure", tc.metrics, tc.listen)
		}
	}
	if ln, err := net.Listen("tcp", freeAddr); err != nil {
		t.Errorf("the port of the failed Setup's first endpoint is still taken: %v", err)
	} else {
		ln.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if now := runtime.NumGoroutine(); now > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before the failed Setups, %d after:\n%s", before, now, buf[:runtime.Stack(buf, true)])
	}
}
