//go:build unix

package cli

import (
	"bytes"
	"fmt"
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

// A command stopped with its run takes what it started with it: the shell of
// an sh: step or a hook's execSync that waits for a process of its own. The
// shell alone was signalled before, so an sh: step made SIGTERM wait for
// that process (ten minutes here), and a hook's left it running.
func TestStoppedCommandsLeaveNoProcess(t *testing.T) {
	const spawn = "sleep 600 & echo $! > child.pid; wait"
	hook := "module.exports = { params: () => { require('child_process').execSync('" + spawn + "'); return {} } }"
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		sig   syscall.Signal // 0: the run ends by itself
	}{
		{"sh: step, SIGTERM", map[string]string{"_templates/g/new/a.t": "---\nsh: " + spawn + "\n---\n"}, nil, syscall.SIGTERM},
		{"hook's execSync, SIGTERM", map[string]string{"_templates/g/new/index.js": hook, "_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"},
			nil, syscall.SIGTERM},
		{"hook's execSync, time limit", map[string]string{"_templates/g/new/index.js": hook, "_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"},
			[]string{"--js-timeout", "1s"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, tt.files)
			p := testenv.StartIn(t, dir, []string{"HOME=" + dir, "HYPERGEN_CACHE_DIR=" + t.TempDir()}, bin, append([]string{"g", "new"}, tt.args...)...)
			pidFile := filepath.Join(dir, "child.pid")
			var pid int
			for deadline := time.Now().Add(30 * time.Second); pid == 0; time.Sleep(20 * time.Millisecond) {
				if b, err := os.ReadFile(pidFile); err == nil && bytes.HasSuffix(b, []byte("\n")) {
					pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
				}
				if time.Now().After(deadline) {
					t.Fatalf("the command never started its process:\n%s", p.Output())
				}
			}
			defer syscall.Kill(pid, syscall.SIGKILL)
			if tt.sig != 0 {
				p.Signal(t, tt.sig)
			}
			if code := p.Wait(t, 30*time.Second); code == 0 {
				t.Errorf("exit 0 from a stopped run:\n%s", p.Output())
			}
			for deadline := time.Now().Add(5 * time.Second); running(pid); time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("process %d, started by the stopped command, still runs after the run ended:\n%s", pid, p.Output())
				}
			}
		})
	}
}

// running reports whether process pid exists and is not a zombie (a
// container's first process may never reap the processes it inherits).
func running(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return len(f) > 0 && f[0] != "Z"
}
