package testenv

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// RepoRoot is the repository's top folder.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

var (
	collectorOnce sync.Once
	collectorBin  string
	collectorErr  error
)

// CollectorBinary builds the collector distribution (cached across runs by
// deploy/collector/build.sh) and returns its path.
func CollectorBinary(tb testing.TB) string {
	tb.Helper()
	collectorOnce.Do(func() {
		cmd := exec.Command(filepath.Join(RepoRoot(), "deploy", "collector", "build.sh"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			collectorErr = fmt.Errorf("building the collector: %v\n%s", err, stderr.String())
			return
		}
		collectorBin = strings.TrimSpace(string(out))
	})
	if collectorErr != nil {
		tb.Fatal(collectorErr)
	}
	return collectorBin
}

// BuildHypergen builds the hypergen binary and, beside it, hypergen-perf
// (which it runs for perf commands and telemetry) into dir and returns the
// path of hypergen.
func BuildHypergen(dir string) (string, error) {
	bin := filepath.Join(dir, "hypergen")
	cmd := exec.Command("go", "build", "-o", dir+string(filepath.Separator), ".", "./cmd/hypergen-perf")
	cmd.Dir = RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// handedOut holds the addresses FreeAddr has returned in this process.
var handedOut sync.Map

// FreeAddr returns a 127.0.0.1 address with a port that was free a moment
// ago and that it has not returned before in this process: the kernel gives
// a port just closed to the next caller now and then (12 in 100,000 pairs
// on a CI VM), and a test taking two in a row (an agent's admin and
// generation addresses, a Collector's) then started a process that failed
// on the second.
func FreeAddr(tb testing.TB) string {
	tb.Helper()
	for {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		if _, taken := handedOut.LoadOrStore(addr, true); !taken {
			return addr
		}
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and readers in parallel.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Process is a started component.
type Process struct {
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan error
}

// Output is what the process wrote to stdout and stderr so far.
func (p *Process) Output() string { return p.out.String() }

// Start runs a command in the background and stops it when the test ends:
// SIGTERM first, SIGKILL if it has not exited ten seconds later.
func Start(tb testing.TB, name string, args ...string) *Process {
	tb.Helper()
	return StartEnv(tb, nil, name, args...)
}

// StartEnv is Start with env added to this process's environment.
func StartEnv(tb testing.TB, env []string, name string, args ...string) *Process {
	tb.Helper()
	return StartIn(tb, "", env, name, args...)
}

// StartIn is StartEnv in the folder dir ("" is this process's).
func StartIn(tb testing.TB, dir string, env []string, name string, args ...string) *Process {
	tb.Helper()
	p := &Process{out: &syncBuffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(name, args...)
	p.cmd.Dir = dir
	if env != nil {
		p.cmd.Env = append(os.Environ(), env...)
	}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", name, err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	tb.Cleanup(func() { p.Stop() })
	return p
}

// Stop terminates the process and waits for it.
func (p *Process) Stop() {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// CPUTime is the CPU time (user and system) the process has used so far,
// read from /proc/<pid>/stat (Linux only), so a benchmark can report the
// cost of a component that runs in a process of its own.
func (p *Process) CPUTime() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("reading the process's CPU time: %w", err)
	}
	// Fields after the command name, which is in parentheses and may hold
	// spaces: state is the first, utime the 12th and stime the 13th.
	i := bytes.LastIndexByte(b, ')')
	f := strings.Fields(string(b[i+1:]))
	if i < 0 || len(f) < 13 {
		return 0, fmt.Errorf("unexpected /proc/%d/stat: %q", p.cmd.Process.Pid, b)
	}
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("unexpected /proc/%d/stat field %q: %w", p.cmd.Process.Pid, s, err)
		}
		ticks += n
	}
	// USER_HZ is 100 on every Linux the project runs on.
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// Signal sends sig to the process.
func (p *Process) Signal(tb testing.TB, sig os.Signal) {
	tb.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		tb.Fatalf("signalling the process: %v", err)
	}
}

// Wait waits at most timeout for the process to end and returns its exit
// code; past the timeout it kills it and fails the test.
func (p *Process) Wait(tb testing.TB, timeout time.Duration) int {
	tb.Helper()
	select {
	case err := <-p.done:
		p.done <- err
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(timeout):
		_ = p.cmd.Process.Kill()
		tb.Fatalf("the process did not end within %v:\n%s", timeout, p.Output())
		return -1
	}
}

// Exited reports whether the process has ended (and how).
func (p *Process) Exited() (bool, error) {
	select {
	case err := <-p.done:
		p.done <- err
		return true, err
	default:
		return false, nil
	}
}

// WaitListening waits until every address accepts TCP connections, the
// process dies, or the timeout passes.
func (p *Process) WaitListening(tb testing.TB, timeout time.Duration, addrs ...string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for _, a := range addrs {
		for {
			if exited, err := p.Exited(); exited {
				tb.Fatalf("process exited (%v) before listening on %s:\n%s", err, a, p.Output())
			}
			c, err := net.DialTimeout("tcp", a, 200*time.Millisecond)
			if err == nil {
				c.Close()
				break
			}
			select {
			case <-ctx.Done():
				tb.Fatalf("nothing listening on %s after %v:\n%s", a, timeout, p.Output())
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
}

// PID is the process id.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// WaitFor checks cond every 100 ms until it holds, or fails the test with
// what cond last reported once timeout has passed: tests wait for a
// condition, never for a guessed time.
func WaitFor(tb testing.TB, what string, timeout time.Duration, cond func() (bool, string)) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, last := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s: not within %v (last: %s)", what, timeout, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// WaitReady waits until the agent whose admin address is addr answers
// /readyz with 200 (its templates indexed).
func WaitReady(tb testing.TB, addr string, timeout time.Duration) {
	tb.Helper()
	WaitFor(tb, "the agent at "+addr+" ready", timeout, func() (bool, string) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false, err.Error()
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK, resp.Status
	})
}

// Collector is a running collector with an OTLP gRPC receiver and a
// Prometheus exporter.
type Collector struct {
	*Process
	OTLP       string // host:port of the OTLP gRPC receiver
	Prometheus string // host:port of the Prometheus exporter

	env  []string // how it was started, for Restart
	args []string
}

// Restart stops the collector (SIGTERM) and starts it again the same way,
// on the same addresses, as an operator's restart or a rescheduled pod
// would; what it held in memory is gone. It waits until both addresses
// accept connections again.
func (c *Collector) Restart(tb testing.TB) {
	tb.Helper()
	c.Stop()
	c.Process = StartEnv(tb, c.env, c.args[0], c.args[1:]...)
	c.WaitListening(tb, 30*time.Second, c.OTLP, c.Prometheus)
}

// StartCollector starts the collector with config, a YAML text in which
// {{OTLP}} and {{PROMETHEUS}} are replaced by free 127.0.0.1 addresses.
func StartCollector(tb testing.TB, config string) *Collector {
	tb.Helper()
	bin := CollectorBinary(tb)
	c := &Collector{OTLP: FreeAddr(tb), Prometheus: FreeAddr(tb)}
	config = strings.NewReplacer("{{OTLP}}", c.OTLP, "{{PROMETHEUS}}", c.Prometheus).Replace(config)
	path := filepath.Join(tb.TempDir(), "collector.yaml")
	if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
		tb.Fatal(err)
	}
	c.args = []string{bin, "--config", path}
	c.Process = Start(tb, bin, c.args[1:]...)
	c.WaitListening(tb, 30*time.Second, c.OTLP, c.Prometheus)
	return c
}

// StartShippedCollector starts the collector with the reference pipeline,
// otel-collector.yaml, unchanged: only the settings it reads from the
// environment differ. It listens on free 127.0.0.1 ports, its trace store
// is a free port where nothing listens (those exports fail and are
// retried, as with a trace store that is down), and spanmetrics flushes
// every second so a test need not wait 15 seconds for counts.
func StartShippedCollector(tb testing.TB) *Collector {
	tb.Helper()
	bin := CollectorBinary(tb)
	c := &Collector{OTLP: FreeAddr(tb), Prometheus: FreeAddr(tb)}
	c.env = []string{"OTLP_GRPC_LISTEN=" + c.OTLP, "PROMETHEUS_EXPORTER_LISTEN=" + c.Prometheus,
		"TRACES_OTLP_ENDPOINT=" + FreeAddr(tb), "SPANMETRICS_FLUSH_INTERVAL=1s"}
	c.args = []string{bin, "--config", filepath.Join(RepoRoot(), "otel-collector.yaml")}
	c.Process = StartEnv(tb, c.env, bin, c.args[1:]...)
	c.WaitListening(tb, 30*time.Second, c.OTLP, c.Prometheus)
	return c
}

// MainWithHypergen is a TestMain body for packages that run the hypergen
// binary: it builds it into a temporary folder, stores its path in *bin,
// runs the tests and removes the folder. It returns the exit code.
func MainWithHypergen(m *testing.M, bin *string) int {
	dir, err := os.MkdirTemp("", "hypergen-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if *bin, err = BuildHypergen(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// CollectorConfig is the pipeline the tests run: OTLP/gRPC in, traces to the
// debug exporter at debugVerbosity ("detailed" prints every span and its
// attributes), metrics to a Prometheus exporter. Pass it to StartCollector.
//
// The debug exporter logs through the Collector's own logger, which by
// default samples: after 10 entries in 10 s that hash (fnv32a, 4,096 slots
// per level) like the repeated "Traces" summary line, it keeps one in 100.
// A batch's printout that shared that slot was silently missing, and a
// test counting spans saw one batch of 512 fewer (CI, stop 41). Tests read
// every line, so nothing here is sampled.
func CollectorConfig(debugVerbosity string) string {
	return `
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: {{OTLP}}
exporters:
  debug:
    verbosity: ` + debugVerbosity + `
  prometheus:
    endpoint: {{PROMETHEUS}}
    metric_expiration: 60m
service:
  telemetry:
    logs:
      sampling:
        enabled: false
    metrics:
      level: none
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
    metrics:
      receivers: [otlp]
      exporters: [prometheus]
`
}
