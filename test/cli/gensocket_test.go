package cli

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// An agent killed while its generation API listens on a unix socket leaves
// the socket's file; the next agent replaces it and serves. Every restart
// failed with "address already in use", so an agent killed once in a pod
// whose volume outlives it crash-looped. A second agent on the socket of a
// live one is refused, and the live one keeps it.
func TestGenerateSocketSurvivesAKill(t *testing.T) {
	dir := project(t)
	sock := filepath.Join(testenv.SocketDir(t), "gen.sock")
	env := []string{"HYPERGEN_AGENT_TOKEN=" + agentToken}
	start := func() (*testenv.Process, string) {
		admin := testenv.FreeAddr(t)
		p := startAgent(t, dir, env, []string{admin}, "--listen", admin, "--probe-interval", "0",
			"--enable-generate", "--generate-listen", "unix:"+sock)
		// The admin address answering says nothing of the socket, bound
		// after it (CI once dialled in between).
		testenv.WaitFor(t, "the generation socket", 30*time.Second, func() (bool, string) {
			c, err := net.Dial("unix", sock)
			if err != nil {
				return false, err.Error()
			}
			c.Close()
			return true, ""
		})
		return p, admin
	}
	generate := func(name string) {
		t.Helper()
		client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				return (&net.Dialer{}).DialContext(ctx, "unix", sock)
			}}}
		req, _ := http.NewRequest(http.MethodPost, "http://agent/v1/generate",
			strings.NewReader(`{"generator":"page","action":"new","name":"`+name+`"}`))
		req.Header.Set("Authorization", "Bearer "+agentToken)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("generation over %s: %v", sock, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("generation over %s: %d %s", sock, resp.StatusCode, body)
		}
	}
	first, _ := start()
	generate("one")
	first.Signal(t, syscall.SIGKILL)
	first.Wait(t, 30*time.Second)
	if fi, err := os.Lstat(sock); err != nil || fi.Mode().Type() != os.ModeSocket {
		t.Fatalf("the killed agent left no socket (%v): the test shows nothing", err)
	}
	second, _ := start()
	generate("two")
	r := run(t, dir, env, "perf", "monitor", "--listen", "127.0.0.1:0", "--probe-interval", "0",
		"--enable-generate", "--generate-listen", "unix:"+sock)
	if r.code == 0 || !strings.Contains(r.stderr, "another process is listening on it") {
		t.Errorf("a third agent on the live socket: want a refusal; got %v", r)
	}
	generate("three")
	second.Signal(t, syscall.SIGTERM)
	second.Wait(t, 30*time.Second)
	for _, name := range []string{"one", "two", "three"} {
		if _, err := os.Stat(filepath.Join(dir, "pages", name+".txt")); err != nil {
			t.Errorf("pages/%s.txt: %v", name, err)
		}
	}
}

// A relative socket path for the generation API is a usage error, as the
// help's "unix:/path only" says: it was bound in whatever folder the agent
// started from, leaving a socket and its lock file among the project's
// files, where no client would look for them.
func TestGenerateSocketPathMustBeAbsolute(t *testing.T) {
	dir := project(t)
	r := run(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + agentToken}, "perf", "monitor", "--listen", "127.0.0.1:0",
		"--probe-interval", "0", "--enable-generate", "--generate-listen", "unix:relative.sock")
	if r.code != 2 || !strings.Contains(r.stderr, `"unix:relative.sock": want an absolute socket path`) {
		t.Errorf("want exit 2 asking for an absolute socket path; got %v", r)
	}
	for _, f := range []string{"relative.sock", "relative.sock.lock"} {
		if _, err := os.Lstat(filepath.Join(dir, f)); !os.IsNotExist(err) {
			t.Errorf("%s made in the project (%v)", f, err)
		}
	}
}
