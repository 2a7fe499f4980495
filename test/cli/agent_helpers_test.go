package cli

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// agentToken is the generation API token startAgent's callers give the agent.
const agentToken = "tok3n"

// startAgent runs the built `hypergen perf monitor args...` in dir, where its
// generations write, with a clean environment plus env as run has, and waits
// until every address in listening accepts connections. Through exec, the
// process is the agent itself (a PID to signal or trace); the test's end
// stops it.
func startAgent(t *testing.T, dir string, env, listening []string, args ...string) *testenv.Process {
	t.Helper()
	clean := append([]string{"-i"}, childEnv(t, dir, env...)...)
	clean = append(clean, "/bin/sh", "-c", `cd "$0" && exec "$@"`, dir, bin, "perf", "monitor")
	p := testenv.Start(t, "env", append(clean, args...)...)
	p.WaitListening(t, 30*time.Second, listening...)
	return p
}

// postGenerate sends body to the generation API at addr with agentToken and
// returns the status code and the answer.
func postGenerate(t *testing.T, addr, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/generate", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+agentToken)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(answer)
}
