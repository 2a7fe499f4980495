//go:build unix

package telemetry

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestRunsEndedAtOnceAreExported: a run that the process ends before the
// run returns (JavaScript stuck inside a built-in past its time limit, or
// a signal the run outlives) still exports a failed hypergen.run span, in
// each way a CLI run exports: by itself, through an agent's relay socket,
// and through hypergen-perf's SDK pipeline. Such runs used to exit without
// a span, so they went uncounted.
func TestRunsEndedAtOnceAreExported(t *testing.T) {
	tests := []struct {
		name, via, ending string
	}{
		{"stuck, exported by the run", "oneshot", "stuck"},
		{"stuck, relayed by the agent", "relay", "stuck"},
		{"stuck, exported by hypergen-perf", "sdk", "stuck"},
		{"signal outlived, exported by the run", "oneshot", "signal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			col := testenv.StartCollector(t, testCollectorConfig)
			env := otlpEnv(col)
			switch tt.via {
			case "relay":
				env["HYPERGEN_TELEMETRY_RELAY"], _ = startRelayAgent(t, col)
			case "sdk":
				env["OTEL_METRICS_EXPORTER"] = "otlp" // an SDK-only setting: the run goes to hypergen-perf
			}
			// indexOf walks a sparse array's 2^30 indexes inside one
			// built-in, which goja's interrupt does not reach: minutes.
			dir := project(t, map[string]string{"_templates/svc/new/d.ejs.t": "---\nto: d.txt\n---\n<% new Array(2 ** 30).indexOf(1) %>\n"})
			args := []string{"svc", "new", "stuck", "--js-timeout", "100ms"}
			wantStderr, wantStatus := "ending the run", "still running 5s after it was stopped"
			if tt.ending == "signal" {
				args[len(args)-1] = "1h"
				wantStderr, wantStatus = "did not stop within 3s of the signal", "the run did not stop within 3s of the signal"
			}
			var interrupt func(*os.Process)
			if tt.ending == "signal" {
				interrupt = func(p *os.Process) {
					time.Sleep(time.Second) // by when the template is stuck
					if err := p.Signal(syscall.SIGINT); err != nil {
						t.Error(err)
					}
				}
			}
			r := runWith(t, hypergenBin, dir, env, interrupt, args...)
			if r.code != 1 || !strings.Contains(r.stderr, wantStderr) {
				t.Fatalf("exit %d, stderr:\n%s\nwant exit 1 and %q", r.code, r.stderr, wantStderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "services")); err == nil {
				t.Error("the run that was ended wrote files")
			}
			testenv.WaitFor(t, "the failed run's span", 30*time.Second, func() (bool, string) {
				var runs []span
				for _, s := range parseSpans(col.Output()) {
					if s.Name == "hypergen.run" {
						runs = append(runs, s)
					}
				}
				if len(runs) != 1 {
					return false, fmt.Sprintf("%d hypergen.run spans", len(runs))
				}
				s := runs[0]
				ok := s.Status == "Error" && s.Attrs["hypergen.outcome"] == "error" && strings.Contains(s.StatusMessage, wantStatus)
				return ok, fmt.Sprintf("status %s %q, attributes %v", s.Status, s.StatusMessage, s.Attrs)
			})
		})
	}
}

// blackHole is the address of a Collector that accepts connections and
// never answers: an export to it waits for its whole timeout.
func blackHole(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	accepted := make(chan struct{})
	go func() {
		defer close(accepted)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-accepted
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// TestSecondSignalEndsTheExport: a run that outlived a signal exports its
// failed run before the process ends, for up to the export's timeout; a
// second Ctrl-C ends the process at once rather than waiting for that.
func TestSecondSignalEndsTheExport(t *testing.T) {
	dir := project(t, map[string]string{"_templates/svc/new/d.ejs.t": "---\nto: d.txt\n---\n<% new Array(2 ** 30).indexOf(1) %>\n"})
	p := testenv.StartIn(t, dir, []string{"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + blackHole(t), "OTEL_EXPORTER_OTLP_INSECURE=true",
		"OTEL_EXPORTER_OTLP_TIMEOUT=120000", "HYPERGEN_TELEMETRY_TIMEOUT=120s", "HOME=" + dir}, hypergenBin, "svc", "new", "x", "--js-timeout", "1h")
	time.Sleep(time.Second) // by when the template is stuck
	p.Signal(t, os.Interrupt)
	testenv.WaitFor(t, "the run to end itself, exporting", 20*time.Second, func() (bool, string) {
		return strings.Contains(p.Output(), "did not stop within 3s of the signal"), p.Output()
	})
	p.Signal(t, os.Interrupt)
	p.Wait(t, 20*time.Second) // the export alone would take two minutes
}

// TestStuckRunIsNoSignal: a run ended because its JavaScript is stuck,
// with no signal sent, exports and exits as that alone; while a slow export
// ran, it also said it had outlived a signal and began ending itself again.
func TestStuckRunIsNoSignal(t *testing.T) {
	dir := project(t, map[string]string{"_templates/svc/new/d.ejs.t": "---\nto: d.txt\n---\n<% new Array(2 ** 30).indexOf(1) %>\n"})
	r := run(t, dir, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + blackHole(t), "OTEL_EXPORTER_OTLP_INSECURE": "true",
		"HYPERGEN_TELEMETRY_TIMEOUT": "5s"}, "svc", "new", "x", "--js-timeout", "100ms")
	if r.code != 1 || !strings.Contains(r.stderr, "ending the run") || strings.Contains(r.stderr, "signal") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1, the run ended for its stuck JavaScript, no word of a signal", r.code, r.stderr)
	}
}
