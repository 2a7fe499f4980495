//go:build linux

package perf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAppendTakesBackAPartialRecord: an append that runs out of room (a
// full disk; here a file size limit) leaves the history as it was, where
// it left a torn record that every later command warned about. The append
// runs in a child process, which alone has the limit.
func TestAppendTakesBackAPartialRecord(t *testing.T) {
	if path := os.Getenv("HYPERGEN_TEST_APPEND"); path != "" {
		limit := syscall.Rlimit{Cur: 8192, Max: 8192}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
			t.Fatal(err)
		}
		err := History{Path: path}.Append("benchmark", Environment{}, map[string]string{"padding": strings.Repeat("x", 4096)})
		if err == nil || !strings.Contains(err.Error(), "not kept in it") {
			t.Fatalf("Append past the limit: %v", err)
		}
		return
	}
	path := filepath.Join(t.TempDir(), "perf", "history.jsonl")
	before := []byte(strings.Repeat("y", 6000) + "\n")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, before, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestAppendTakesBackAPartialRecord$")
	cmd.Env = append(os.Environ(), "HYPERGEN_TEST_APPEND="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, before) {
		t.Errorf("the history holds %d bytes after the failed append, want the %d it had", len(after), len(before))
	}
}

// A cached hello-world that hangs holding its output (a script that
// started a sleep) is stopped, with what it started, and judged broken, so
// it is built again: the check waited for it without bound, past the
// benchmark's limits and a SIGTERM.
func TestHelloCheckStopsAHangingBinary(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "hello")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\nsleep 300 &\nsleep 300\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { helloCheckLimit = d }(helloCheckLimit)
	helloCheckLimit = 100 * time.Millisecond
	done := make(chan bool, 1)
	go func() { done <- helloWorks(context.Background(), bin) }()
	select {
	case ok := <-done:
		if ok {
			t.Error("a binary that printed nothing passed for a hello-world")
		}
	case <-time.After(time.Minute): // a hang's bound, not a measurement
		t.Fatal("the check still waits for the hanging binary")
	}
}
