//go:build unix

package telemetry

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestCLIRelaySettings: HYPERGEN_TELEMETRY_RELAY through the binary, with
// no agent: what a run does with it alone, with an endpoint, with a bad
// value, and with settings that need hypergen-perf.
func TestCLIRelaySettings(t *testing.T) {
	missing := filepath.Join(testenv.SocketDir(t), "none.sock")
	t.Run("relay alone, no agent: one line, generation succeeds", func(t *testing.T) {
		dir := project(t, nil)
		r := run(t, dir, map[string]string{"HYPERGEN_TELEMETRY_RELAY": missing}, "svc", "new", "a")
		if r.code != 0 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, missing) {
			t.Fatalf("exit %d, stderr:\n%s\nwant exit 0 and one line naming %s", r.code, r.stderr, missing)
		}
		if _, err := os.Stat(filepath.Join(dir, "services/a.go")); err != nil {
			t.Errorf("the generation did not write its file: %v", err)
		}
	})
	t.Run("no agent: the run exports to the endpoint itself", func(t *testing.T) {
		col := testenv.StartCollector(t, testCollectorConfig)
		r := run(t, project(t, nil), map[string]string{"HYPERGEN_TELEMETRY_RELAY": missing,
			"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + col.OTLP}, "svc", "new", "b")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		waitForGoodRun(t, col)
	})
	for _, bad := range []string{"relay.sock", "/" + strings.Repeat("d", 110)} {
		t.Run("bad value "+bad[:min(len(bad), 12)], func(t *testing.T) {
			dir := project(t, nil)
			r := run(t, dir, map[string]string{"HYPERGEN_TELEMETRY_RELAY": bad, "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1"},
				"svc", "new", "c")
			if r.code == 0 || !strings.Contains(r.stderr, "HYPERGEN_TELEMETRY_RELAY") {
				t.Fatalf("exit %d, stderr:\n%s\nwant a usage error naming the variable", r.code, r.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "services")); err == nil {
				t.Error("the run generated files despite the bad setting")
			}
		})
	}
	t.Run("another user's socket: nothing sent, the run exports itself", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("only root can make a socket another user owns")
		}
		// A socket bound in a shared folder by someone else before the
		// agent started took every record, with its template names.
		foreign := filepath.Join(testenv.SocketDir(t), "foreign.sock")
		ln, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: foreign, Net: "unixgram"})
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		if err := os.Chown(foreign, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		col := testenv.StartCollector(t, testCollectorConfig)
		r := run(t, project(t, nil), map[string]string{"HYPERGEN_TELEMETRY_RELAY": foreign,
			"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + col.OTLP}, "svc", "new", "e")
		if r.code != 0 {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		waitForGoodRun(t, col)
		_ = ln.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		if n, _, err := ln.ReadFrom(make([]byte, 1<<16)); err == nil {
			t.Errorf("the foreign socket received a %d-byte record", n)
		}
	})
	t.Run("settings for the SDK: the relay is not used, and the run says so", func(t *testing.T) {
		col := testenv.StartCollector(t, testCollectorConfig)
		r := run(t, project(t, nil), map[string]string{"HYPERGEN_TELEMETRY_RELAY": missing,
			"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + col.OTLP, "OTEL_TRACES_SAMPLER": "always_on"}, "svc", "new", "d")
		if r.code != 0 || !strings.Contains(r.stderr, "HYPERGEN_TELEMETRY_RELAY is not used") {
			t.Fatalf("exit %d, stderr:\n%s\nwant a warning that the relay is not used", r.code, r.stderr)
		}
		waitForGoodRun(t, col)
	})
}

// TestRelayedRunNamesItsProcess: a run relayed through the agent reaches
// the Collector with its own process id in its resource, though on Linux
// the record leaves it out and the agent takes it from the kernel. The run
// has no endpoint of its own, so its spans can only have come through the
// agent.
func TestRelayedRunNamesItsProcess(t *testing.T) {
	col := testenv.StartCollector(t, testCollectorConfig)
	sock, _ := startRelayAgent(t, col)
	var pid int
	r := runWith(t, hypergenBin, project(t, nil), map[string]string{"HYPERGEN_TELEMETRY_RELAY": sock},
		func(p *os.Process) { pid = p.Pid }, "svc", "new", "a")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	waitForGoodRun(t, col)
	want := fmt.Sprintf("-> process.pid: Int(%d)", pid)
	if out := col.Output(); !strings.Contains(out, want) {
		t.Errorf("the Collector's output has no %q; its process ids: %q", want, regexp.MustCompile(`-> process\.pid: \S+`).FindAllString(out, -1))
	}
}

// TestAgentRelayFlag: perf monitor --relay refuses what it cannot serve,
// with an error naming the problem and a non-zero exit.
func TestAgentRelayFlag(t *testing.T) {
	dir := project(t, nil)
	sockDir := testenv.SocketDir(t)
	file := filepath.Join(sockDir, "file")
	if err := os.WriteFile(file, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	live := filepath.Join(sockDir, "live.sock")
	ln, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: live, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	otlp := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:1"}
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no trace export", nil, []string{"--relay", filepath.Join(sockDir, "a.sock")}, "needs the agent to export traces"},
		{"relative path", otlp, []string{"--relay", "a.sock"}, "absolute path"},
		{"path too long for a socket", otlp, []string{"--relay", "/" + strings.Repeat("d", 110)}, "at most 103 bytes"},
		{"a regular file there", otlp, []string{"--relay", file}, "not a socket"},
		{"another receiver there", otlp, []string{"--relay", live}, "another process"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"perf", "monitor", "--listen", testenv.FreeAddr(t), "--probe-interval", "0"}, tc.args...)
			r := run(t, dir, tc.env, args...)
			if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant a failure saying %q", r.code, r.stderr, tc.want)
			}
		})
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "keep" {
		t.Errorf("the regular file was changed: %q %v", b, err)
	}
}
