package cli

import (
	"fmt"
	"io"
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
		shell := ""
		if allow {
			shell = " --allow-shell"
		}
		// The agent writes below its working folder: start it in the project.
		script := fmt.Sprintf("cd %q && exec %q perf monitor --listen %s --probe-interval 0 --enable-generate --generate-listen %s%s",
			dir, bin, admin, gen, shell)
		p := testenv.StartEnv(t, []string{"HYPERGEN_AGENT_TOKEN=tok3n"}, "/bin/sh", "-c", script)
		p.WaitListening(t, 30*time.Second, gen)
		req, _ := http.NewRequest(http.MethodPost, "http://"+gen+"/v1/generate",
			strings.NewReader(`{"generator":"pkg","action":"new","name":"x"}`))
		req.Header.Set("Authorization", "Bearer tok3n")
		resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got, readErr := os.ReadFile(filepath.Join(dir, "out", "x.txt"))
		if allow {
			if resp.StatusCode != http.StatusOK || readErr != nil || string(got) != "shell\n" {
				t.Errorf("--allow-shell: HTTP %d %s; out/x.txt %q, %v", resp.StatusCode, body, got, readErr)
			}
		} else if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(body), "child_process") || readErr == nil {
			t.Errorf("without --allow-shell: HTTP %d %s; out/x.txt written: %v", resp.StatusCode, body, readErr == nil)
		}
		p.Signal(t, syscall.SIGTERM)
		p.Wait(t, 30*time.Second)
	}
}
