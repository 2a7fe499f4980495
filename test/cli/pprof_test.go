package cli

import (
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// perf monitor --pprof serves Go's profiling endpoints on the admin address
// beside the agent's own pages; without it they are not found. (The agent
// once panicked at start with --pprof: its routes conflicted with "GET /".)
func TestAgentPprofSwitch(t *testing.T) {
	for _, on := range []bool{false, true} {
		dir := testfs.Tree(t, map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\na\n"})
		admin := testenv.FreeAddr(t)
		args := []string{"--listen", admin, "--probe-interval", "0"}
		if on {
			args = append(args, "--pprof")
		}
		p := startAgent(t, dir, nil, []string{admin}, args...)
		client := &http.Client{Timeout: 30 * time.Second}
		for path, want := range map[string]string{
			"/debug/pprof/":        "goroutine",
			"/debug/pprof/cmdline": "perf",
			"/healthz":             "",
		} {
			resp, err := client.Get("http://" + admin + path)
			if err != nil {
				t.Fatalf("--pprof=%v: GET %s: %v", on, path, err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			wantCode := http.StatusOK
			if !on && strings.HasPrefix(path, "/debug/pprof/") {
				wantCode = http.StatusNotFound
			}
			if resp.StatusCode != wantCode || (wantCode == http.StatusOK && !strings.Contains(string(body), want)) {
				t.Errorf("--pprof=%v: GET %s = %d %.200q, want %d with %q", on, path, resp.StatusCode, body, wantCode, want)
			}
		}
		p.Signal(t, syscall.SIGTERM)
		p.Wait(t, 30*time.Second)
	}
}
