//go:build unix

package cli

import (
	"bytes"
	"encoding/json"
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

// Ctrl-C or SIGTERM while perf export writes a large file leaves no
// temporary beside it: each interrupted export left one, up to 221 MB, that
// nothing removed. The file itself is whole or absent.
func TestPerfExportInterruptedLeavesNoTemporary(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	if r := run(t, dir, []string{"HYPERGEN_CACHE_DIR=" + cache}, "perf", "benchmark", "--generators", "5", "--iterations", "3", "--no-fail"); r.code != 0 {
		t.Fatalf("a benchmark for the history: %v", r)
	}
	history := filepath.Join(cache, "perf", "history.jsonl")
	line, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	// About 60 MB of history: seconds of marshalling and writing.
	if err := os.WriteFile(history, bytes.Repeat(line, (60<<20)/len(line)+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		out := filepath.Join(dir, "out.json")
		os.Remove(out)
		cmd := exec.Command(bin, "perf", "export", "--output", out)
		cmd.Dir = dir
		cmd.Env = childEnv(t, dir, "HYPERGEN_CACHE_DIR="+cache)
		var log bytes.Buffer
		cmd.Stdout, cmd.Stderr = &log, &log
		temps := func() []string { m, _ := filepath.Glob(filepath.Join(dir, ".out.json.hypergen-*")); return m }
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		seen := false
		for deadline := time.Now().Add(60 * time.Second); !seen && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			select {
			case <-done:
				t.Skipf("%v: the export finished before its temporary was seen; nothing to interrupt", sig)
			default:
			}
			seen = len(temps()) > 0
		}
		if !seen {
			cmd.Process.Kill()
			<-done
			t.Fatalf("no temporary within a minute:\n%s", log.String())
		}
		cmd.Process.Signal(sig)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v: still running 30 s after the signal", sig)
		}
		if left := temps(); len(left) != 0 {
			t.Errorf("%v: temporaries left: %v\n%s", sig, left, log.String())
		}
		if b, err := os.ReadFile(out); err == nil && !json.Valid(b) {
			t.Errorf("%v: %s is not whole JSON (%d bytes)", sig, out, len(b))
		}
		if code := cmd.ProcessState.ExitCode(); code != 0 && !strings.Contains(log.String(), "was not written") {
			t.Errorf("%v: exit %d without saying the file was not written:\n%s", sig, code, log.String())
		}
	}
}
