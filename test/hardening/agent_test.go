package hardening

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestShutdownCancelsStuckGeneration: SIGTERM while a generation's
// template loops, its JavaScript limit an hour away, ends the agent within
// its shutdown deadline: the generation is interrupted and its client gets
// an error. (Once, a stuck request held the agent 18.8 s against a 10 s
// deadline.) The guard below is generous; nothing is timed.
func TestShutdownCancelsStuckGeneration(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/stuck/new/a.t": "---\nto: a.txt\n---\n<% for (;;) {} %>\n",
	})
	p, _, gen := startAgent(t, dir, 4096, nil, "--js-timeout", "1h") // and the default 10 s shutdown deadline
	type answer struct {
		code int
		body string
		err  error
	}
	answered := make(chan answer, 1)
	cpu0 := cpuTicks(t, p.PID())
	go func() {
		code, body, err := generate(&http.Client{Timeout: 5 * time.Minute}, gen, map[string]any{"generator": "stuck", "action": "new"})
		answered <- answer{code, body, err}
	}()
	// The loop shows as CPU time: an idle agent uses a few ticks a second.
	testenv.WaitFor(t, "the template looping", 2*time.Minute, func() (bool, string) {
		used := cpuTicks(t, p.PID()) - cpu0
		return used >= 100, fmt.Sprintf("%d ticks of CPU", used)
	})
	p.Signal(t, syscall.SIGTERM)
	code := p.Wait(t, time.Minute)
	a := <-answered
	t.Logf("agent exit %d; the client got %d %v %s", code, a.code, a.err, a.body)
	// An answer, not a dropped connection: the generation is cancelled with
	// a fifth of the deadline left for it.
	if a.err != nil || a.code != http.StatusServiceUnavailable || !strings.Contains(a.body, "shutting down") {
		t.Errorf("want 503 saying the agent is shutting down, got %d %v %s", a.code, a.err, a.body)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.txt")); err == nil {
		t.Error("a.txt written by a cancelled generation")
	}
}

// TestGenerationsIsolated: through the HTTP API, a request whose template
// changes shared JavaScript state (a helper, Object.prototype, a global)
// leaves no trace in later requests, and no template sees the agent's
// token in process.env. (Once, pooled VMs carried one tenant's value into
// another's output.)
func TestGenerationsIsolated(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/pollute/new/a.t": "---\nto: polluted/<%= name %>.txt\n---\n" +
			"<% h.capitalize = () => 'HIJACKED'; Object.prototype.polluted = name; globalThis.leaked = name; %>done\n",
		"_templates/clean/new/a.t": "---\nto: clean/<%= name %>.txt\n---\n" +
			"<%= h.capitalize(name) %>|<%= ({}).polluted %>|<%= typeof leaked %>|<%= process.env.HYPERGEN_AGENT_TOKEN %>|" +
			"<%= Object.keys(process.env).filter(k => k.startsWith('HYPERGEN_AGENT')).join() %>\n",
	})
	_, _, gen := startAgent(t, dir, 4096, nil)
	client := &http.Client{Timeout: time.Minute}
	if code, body, err := generate(client, gen, map[string]any{"generator": "pollute", "action": "new", "name": "tenantA-secret"}); err != nil || code != 200 {
		t.Fatalf("polluting request: %d %v %s", code, err, body)
	}
	// Several later requests, so that any pooled runtime the first one used
	// serves one of them.
	for _, name := range []string{"b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"} {
		if code, body, err := generate(client, gen, map[string]any{"generator": "clean", "action": "new", "name": name}); err != nil || code != 200 {
			t.Fatalf("request %s: %d %v %s", name, code, err, body)
		}
		got, err := os.ReadFile(filepath.Join(dir, "clean", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		// (EJS prints undefined as nothing.)
		if want := "B" + name[1:] + "||undefined||\n"; string(got) != want {
			t.Errorf("tenant %s rendered %q, want %q", name, got, want)
		}
	}
}

// cpuTicks is the user and system CPU time a process has used, in clock
// ticks (/proc/PID/stat, fields 14 and 15).
func cpuTicks(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	// Fields after the command name, which is in parentheses and may hold spaces.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	utime, err1 := strconv.Atoi(f[11])
	stime, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		t.Fatalf("/proc/%d/stat: %q", pid, b)
	}
	return utime + stime
}
