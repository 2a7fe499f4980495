//go:build unix

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C while perf test times a --hygen that hangs stops the hung process
// and what it started, removes the scratch trees and says it stopped. The
// timed process was run with no context: the signal waited for it, for
// ever, and only SIGKILL ended the run, leaving the trees.
func TestPerfTestStopsAHungProcess(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	mark := filepath.Join(dir, "hung.pid")
	hang := filepath.Join(dir, "hang.sh")
	// The shell starts sleep and waits for it, as a wrapper script would.
	script := "#!/bin/sh\nsleep 1000 &\necho $! > " + mark + "\nwait\n"
	if err := os.WriteFile(hang, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "perf", "test", "--generators", "30", "--reps", "3", "--hygen", hang, "--no-fail")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir, "TMPDIR="+tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	signalWhen(t, cmd, syscall.SIGINT, &out, func() bool { b, err := os.ReadFile(mark); return err == nil && len(b) > 0 })
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(out.String(), "stopped (interrupt signal received)") {
		t.Errorf("exit %d:\n%s\nwant exit 1 saying it stopped", cmd.ProcessState.ExitCode(), out.String())
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "hypergen-*")); len(left) != 0 {
		t.Errorf("scratch trees left behind: %v", left)
	}
	b, _ := os.ReadFile(mark)
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("the hung process's id: %q", b)
	}
	alive := running(pid)
	for deadline := time.Now().Add(5 * time.Second); alive && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		alive = running(pid)
	}
	if alive {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Errorf("the process the hung --hygen started (%d) outlived the run", pid)
	}
}
