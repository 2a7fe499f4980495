package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// The agent takes Go durations (the old milliseconds still work, with a
// note), logs durations in seconds as JSON, and stops on SIGTERM mid-probe
// with exit 0 and no error logged.
func TestMonitorFlagsLogsAndShutdown(t *testing.T) {
	dir := project(t)
	admin := testenv.FreeAddr(t)
	p := testenv.Start(t, bin, "perf", "monitor", "--listen", admin, "--interval", "1s", "--log-format", "json",
		"--probe-sizes", "10,300,1000", "--probe-interval", "1m", "--probe-cpu", "1", "--templates", dir+"/_templates")
	p.WaitListening(t, 30*time.Second, admin)
	time.Sleep(1500 * time.Millisecond) // into the first probe round
	p.Signal(t, syscall.SIGTERM)
	code := p.Wait(t, 30*time.Second)
	out := p.Output()
	if code != 0 {
		t.Fatalf("exit %d after SIGTERM:\n%s", code, out)
	}
	var started, stopping map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not a JSON log line: %q", line)
		}
		if m["level"] == "ERROR" {
			t.Errorf("error logged on a clean shutdown: %s", line)
		}
		switch m["msg"] {
		case "agent started":
			started = m
		case "shutting down":
			stopping = m
		}
	}
	if started == nil || started["interval"] != 1.0 || started["probe_interval"] != 60.0 {
		t.Errorf("interval and probe_interval in the start line should be 1 and 60 (seconds): %v\n%s", started, out)
	}
	if stopping == nil || stopping["deadline"] != 10.0 {
		t.Errorf("deadline in the shutdown line should be 10 (seconds): %v\n%s", stopping, out)
	}
}

func TestMonitorFlagForms(t *testing.T) {
	dir := project(t)
	// The old millisecond form: accepted with a note (the run then fails on
	// purpose at the unusable address, before serving anything).
	r := run(t, dir, nil, "perf", "monitor", "--interval", "1000", "--listen", "192.0.2.1:0")
	if !strings.Contains(r.stderr, "--interval 1000: a plain number of milliseconds is deprecated; write --interval 1s") {
		t.Errorf("no deprecation note: %v", r)
	}
	// A non-loopback admin address warns before binding.
	if !strings.Contains(r.stderr, "--listen 192.0.2.1:0 is not a loopback address") {
		t.Errorf("no warning for a non-loopback --listen: %v", r)
	}
	if r := run(t, dir, nil, "perf", "monitor", "--interval", "soon"); r.code != 2 || !strings.Contains(r.stderr, "want a duration such as 30s") {
		t.Errorf("--interval soon: %v", r)
	}
	if r := run(t, dir, nil, "perf", "monitor", "--interval", "10ms"); r.code != 2 || !strings.Contains(r.stderr, "at least 100ms") {
		t.Errorf("--interval 10ms: %v", r)
	}
	if r := run(t, dir, nil, "perf", "monitor", "--probe-interval", "-5s"); r.code != 2 || !strings.Contains(r.stderr, "--probe-interval=-5s: want a positive duration, or 0") {
		t.Errorf("--probe-interval -5s: %v", r)
	}
	// Probe settings under which budgets are never judged: a size twice is
	// refused; too few sizes, or no probes, are named at start-up (here an
	// error later on the command line ends the run after the warning).
	if r := run(t, dir, nil, "perf", "monitor", "--probe-sizes", "10,10,100"); r.code != 2 || !strings.Contains(r.stderr, "--probe-sizes=\"10,10,100\": 10 is there twice") {
		t.Errorf("--probe-sizes 10,10,100: %v", r)
	}
	for _, tt := range []struct{ flag, value, want string }{
		{"--probe-sizes", "10,100", "the growth exponents are judged over three sizes or more"},
		{"--probe-interval", "0", "--probe-interval 0: time_growth_exponent, memory_growth_exponent and cache_hit_ratio"},
	} {
		if r := run(t, dir, nil, "perf", "monitor", tt.flag, tt.value, "--js-timeout", "0"); r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s %s: want a warning saying %q; got %v", tt.flag, tt.value, tt.want, r)
		}
	}
	// A short generation token is named; a long one is not.
	for _, tt := range []struct {
		token string
		warns bool
	}{{"a", true}, {"0123456789abcde", true}, {"0123456789abcdef", false}} {
		r := run(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + tt.token}, "perf", "monitor", "--enable-generate", "--js-timeout", "0")
		if warned := strings.Contains(r.stderr, "HYPERGEN_AGENT_TOKEN is "+fmt.Sprint(len(tt.token))+" character(s) long; one of fewer than 16 is quick to guess"); r.code != 2 || warned != tt.warns {
			t.Errorf("a token of %d characters: want exit 2 (--js-timeout 0), warned %v; got %v", len(tt.token), tt.warns, r)
		}
	}
	// Values that would start an agent that cannot do what was asked
	// (probes that never get CPU, a flush with no time, no admin address).
	for _, tt := range []struct{ flag, value, want string }{
		{"--probe-cpu", "0", "--probe-cpu=0: want a share of one CPU above 0 and at most 1"},
		{"--probe-cpu", "NaN", "--probe-cpu=NaN: want a share"},
		{"--probe-cpu", "1.5", "--probe-cpu=1.5: want a share"},
		{"--shutdown-timeout", "0", "--shutdown-timeout=0s: want a positive duration"},
		{"--shutdown-timeout", "-1s", "--shutdown-timeout=-1s: want a positive duration"},
		{"--listen", "", "--listen needs a value, got an empty one"},
		{"--js-timeout", "0", "--js-timeout=0s: want a positive duration"},
		// Milliseconds past a duration's range wrapped (to -1ms, or to a
		// 100 ms interval that was accepted).
		{"--interval", "9223372036854775807", "9223372036854775807 milliseconds is out of range"},
		{"--interval", "18446744073810", "18446744073810 milliseconds is out of range"},
		// A port that is not one failed only when listening, with exit 1,
		// after a warning that it was reachable from other machines.
		{"--listen", ":abc", `listen address ":abc": port "abc": want a number from 0 to 65535 or a service name`},
		{"--listen", "127.0.0.1:99999", `port "99999": want a number from 0 to 65535`},
		{"--interval", "-5", "not a negative number"},
	} {
		r := run(t, dir, nil, "perf", "monitor", tt.flag+"="+tt.value, "--probe-interval", "0")
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "not a loopback address") {
			t.Errorf("%s=%s: want exit 2 saying %q alone; got %v", tt.flag, tt.value, tt.want, r)
		}
	}
	// pyroscope-go takes any address and fails at its first upload, without
	// naming the variable.
	for _, addr := range []string{"notaurl", "127.0.0.1:4040", "ftp://pyroscope:4040"} {
		r := run(t, dir, []string{"PYROSCOPE_SERVER_ADDRESS=" + addr}, "perf", "monitor", "--profiling", "--probe-interval", "0", "--listen", "127.0.0.1:0")
		if r.code != 2 || !strings.Contains(r.stderr, `PYROSCOPE_SERVER_ADDRESS="`+addr+`": want the server's URL`) {
			t.Errorf("PYROSCOPE_SERVER_ADDRESS=%s: want exit 2 naming it; got %v", addr, r)
		}
	}
	for _, tt := range []struct{ value, want string }{
		{"", "--agent needs a value, got an empty one"},
		{"127.0.0.1:9464", "want the agent's admin URL"},
		{"http://127.0.0.1:99999", "port 99999 is not between 1 and 65535"},
	} {
		if r := run(t, dir, nil, "perf", "status", "--agent="+tt.value); r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("perf status --agent=%q: want exit 2 saying %q; got %v", tt.value, tt.want, r)
		}
	}
	// A token no client could present (HTTP trims a header's value).
	for _, token := range []string{" ", " secret", "secret\t"} {
		if r := run(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + token}, "perf", "monitor", "--enable-generate", "--probe-interval", "0"); r.code != 2 || !strings.Contains(r.stderr, "starts or ends with white space") {
			t.Errorf("HYPERGEN_AGENT_TOKEN=%q: want exit 2 naming the white space; got %v", token, r)
		}
	}
	for _, token := range []string{"sec\nret-long-enough", "sec\x01ret-long-enough"} {
		if r := run(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + token}, "perf", "monitor", "--enable-generate", "--probe-interval", "0"); r.code != 2 || !strings.Contains(r.stderr, "holds a control character") {
			t.Errorf("HYPERGEN_AGENT_TOKEN=%q: want exit 2 naming the control character; got %v", token, r)
		}
	}
	// The agent checks HYPERGEN_FSYNC when it starts, not at its first
	// generation.
	if r := run(t, dir, []string{"HYPERGEN_FSYNC=always"}, "perf", "monitor", "--probe-interval", "0"); r.code != 2 || !strings.Contains(r.stderr, `HYPERGEN_FSYNC="always": want true or false`) {
		t.Errorf("HYPERGEN_FSYNC=always: %v", r)
	}
}

// perf status reads what answers at the agent's address with care: any
// local user may take the default port. Control characters in the answer
// are shown as escapes, not sent to the terminal, and an answer that does
// not end is cut off instead of read until memory runs out.
func TestPerfStatusDistrustsTheAnswer(t *testing.T) {
	escapes := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"healthy":true,"index":{"templates":"/t\u001b[2J"},"targets":[{"name":"gen\u001b]8;;http://x\u0007","limit":1,"unit":"s","reason":"a\rb"},{"name":"no_met","value":2,"limit":1}]}`)
	}))
	defer escapes.Close()
	r := run(t, t.TempDir(), nil, "perf", "status", "--agent", escapes.URL)
	// A budget with a value and no verdict is shown as not met; it crashed
	// perf status.
	if strings.ContainsAny(r.stdout, "\x1b\x07\r") || !strings.Contains(r.stdout, `/t\x1b[2J`) || !strings.Contains(r.stdout, `a\rb`) || !strings.Contains(r.stdout, "no_met") {
		t.Errorf("exit %d, output %q: want the control characters escaped", r.code, r.stdout)
	}
	endless := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"index":{"templates":"`)
		chunk := strings.Repeat("a", 1<<16)
		for r.Context().Err() == nil {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	}))
	defer endless.Close()
	r = run(t, t.TempDir(), nil, "perf", "status", "--agent", endless.URL)
	if r.code != 1 || !strings.Contains(r.stderr, "the answer is longer than") {
		t.Errorf("exit %d, want 1 saying the answer was cut off\n%s", r.code, r)
	}
	// An answer that ends early is not a long one: it was called so.
	for _, body := range []string{`{"healthy": tru`, ``} {
		short := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }))
		r = run(t, t.TempDir(), nil, "perf", "status", "--agent", short.URL)
		short.Close()
		if r.code != 1 || strings.Contains(r.stderr, "longer than") || !strings.Contains(r.stderr, "EOF") {
			t.Errorf("answer %q: exit %d, want 1 saying it ended early\n%s", body, r.code, r)
		}
	}
}

// perf status exits 1 when a budget is missed, whether it prints a table
// or JSON: a script gating on the JSON was told all was well.
func TestPerfStatusExitFollowsHealth(t *testing.T) {
	for _, healthy := range []bool{true, false} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"healthy":%v,"targets":[{"name":"generation_p95","value":0.2,"limit":0.05,"unit":"s","met":%[1]v}]}`, healthy)
		}))
		want := 0
		if !healthy {
			want = 1
		}
		for _, format := range [][]string{nil, {"--json"}} {
			r := run(t, t.TempDir(), nil, append([]string{"perf", "status", "--agent", srv.URL}, format...)...)
			if r.code != want {
				t.Errorf("healthy=%v %v: exit %d, want %d\n%s", healthy, format, r.code, want, r)
			}
			if format != nil && !json.Valid([]byte(r.stdout)) {
				t.Errorf("healthy=%v --json: stdout is not JSON: %q", healthy, r.stdout)
			}
		}
		srv.Close()
	}
}

// perf status with no agent measures in this process, in scratch trees under
// TMPDIR; Ctrl-C there removes them and says it stopped. They were left
// behind, 2–7 MB each. (It relies on nothing answering at the default agent
// address, 127.0.0.1:9464, which no test here listens on.)
func TestPerfStatusInterruptedLeavesNoScratch(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	cmd := exec.Command(bin, "perf", "status")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir, "TMPDIR="+tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	scratch := func() []string { m, _ := filepath.Glob(filepath.Join(tmp, "hypergen-measure-*")); return m }
	signalWhen(t, cmd, syscall.SIGINT, &out, func() bool { return len(scratch()) > 0 })
	if !strings.Contains(out.String(), "measuring in this process") {
		t.Fatalf("something answered at the default agent address; this test needs it free:\n%s", out.String())
	}
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(out.String(), "stopped (interrupt signal received)") {
		t.Errorf("exit %d:\n%s\nwant exit 1 saying it stopped", cmd.ProcessState.ExitCode(), out.String())
	}
	if left := scratch(); len(left) != 0 {
		t.Errorf("scratch trees left behind: %v", left)
	}
}

// The agent serves /metrics on --listen, so HYPERGEN_PROMETHEUS_LISTEN,
// which a library process honours, is named as ignored rather than passed
// over in silence.
func TestMonitorSaysPrometheusListenIsIgnored(t *testing.T) {
	dir := project(t)
	admin := testenv.FreeAddr(t)
	p := startAgent(t, dir, []string{"HYPERGEN_PROMETHEUS_LISTEN=garbage"}, []string{admin}, "--listen", admin, "--probe-interval", "0")
	p.Signal(t, syscall.SIGTERM)
	if code := p.Wait(t, 30*time.Second); code != 0 || !strings.Contains(p.Output(), "HYPERGEN_PROMETHEUS_LISTEN is ignored") {
		t.Errorf("exit %d:\n%s", code, p.Output())
	}
}

// SIGHUP (a closed terminal or session) stops the agent as SIGTERM does:
// exit 0 after "shutting down", its generation socket removed. Go's
// default for SIGHUP ended it at once with 129, leaving the socket behind.
// (The lock file beside the socket stays by design: see sockclaim.)
func TestMonitorStopsCleanlyOnSIGHUP(t *testing.T) {
	if signal.Ignored(syscall.SIGHUP) {
		// The agent inherits that, and keeps ignoring it as nohup asks.
		t.Skip("SIGHUP is ignored here (nohup)")
	}
	dir := project(t)
	sock := filepath.Join(testenv.SocketDir(t), "gen.sock")
	admin := testenv.FreeAddr(t)
	p := startAgent(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + agentToken}, []string{admin},
		"--listen", admin, "--probe-interval", "0", "--enable-generate", "--generate-listen", "unix:"+sock)
	// The socket may be bound after the admin address listens; without it
	// the check that it is gone would show nothing.
	testenv.WaitFor(t, "the generation socket", 30*time.Second, func() (bool, string) {
		_, err := os.Lstat(sock)
		return err == nil, fmt.Sprint(err)
	})
	p.Signal(t, syscall.SIGHUP)
	code := p.Wait(t, 30*time.Second)
	out := p.Output()
	if code != 0 || !strings.Contains(out, "shutting down") {
		t.Fatalf("after SIGHUP: want exit 0 and a clean shutdown; got exit %d:\n%s", code, out)
	}
	if _, err := os.Lstat(sock); !os.IsNotExist(err) {
		t.Errorf("%s left after SIGHUP (%v)", sock, err)
	}
}
