package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// perf monitor --allow-shell is what lets a generation request's hook call
// child_process: without it the built agent refuses the request and writes
// nothing; with it the command runs and the file is written.
func TestAgentAllowShellGovernsHookCommands(t *testing.T) {
	for _, allow := range []bool{false, true} {
		dir := testfs.Tree(t, map[string]string{
			"_templates/pkg/new/index.js": "const { execSync } = require('child_process')\n" +
				"module.exports = { params: () => ({ who: execSync('echo shell').toString().trim() }) }\n",
			"_templates/pkg/new/a.t": "---\nto: out/<%= name %>.txt\n---\n<%= who %>\n",
		})
		admin, gen := testenv.FreeAddr(t), testenv.FreeAddr(t)
		args := []string{"--listen", admin, "--probe-interval", "0", "--enable-generate", "--generate-listen", gen}
		if allow {
			args = append(args, "--allow-shell")
		}
		p := startAgent(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + agentToken}, []string{gen}, args...)
		code, body := postGenerate(t, gen, `{"generator":"pkg","action":"new","name":"x"}`)
		got, readErr := os.ReadFile(filepath.Join(dir, "out", "x.txt"))
		if allow {
			if code != http.StatusOK || readErr != nil || string(got) != "shell\n" {
				t.Errorf("--allow-shell: HTTP %d %s; out/x.txt %q, %v", code, body, got, readErr)
			}
		} else if code != http.StatusUnprocessableEntity || !strings.Contains(body, "child_process") || readErr == nil {
			t.Errorf("without --allow-shell: HTTP %d %s; out/x.txt written: %v", code, body, readErr == nil)
		}
		p.Signal(t, syscall.SIGTERM)
		p.Wait(t, 30*time.Second)
	}
}
