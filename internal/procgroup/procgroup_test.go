//go:build unix

package procgroup

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// A command that succeeds while a process it started in the background
// keeps its output open is a success, and the run goes on without waiting
// for that process.
func TestBackgroundChildDoesNotHoldTheRun(t *testing.T) {
	c := Command(context.Background(), "/bin/sh", "-c", "sleep 600 & echo $!")
	var out bytes.Buffer
	c.Stdout = &out
	err := c.Run()
	if pid, perr := strconv.Atoi(strings.TrimSpace(out.String())); perr == nil {
		defer syscall.Kill(pid, syscall.SIGKILL)
	}
	if err != nil {
		t.Fatalf("Run: %v, want success (output %q)", err, out.String())
	}
}

// A command whose context ends fails, and the error says it was signalled.
func TestCancelledCommandFails(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := Command(ctx, "/bin/sh", "-c", "echo up; sleep 600; echo never")
	var out bytes.Buffer
	c.Stdout = &out
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	cancel()
	err := c.Wait()
	if err == nil || !strings.Contains(err.Error(), "terminated") {
		t.Fatalf("Wait after cancel: %v, want the command terminated", err)
	}
	if strings.Contains(out.String(), "never") {
		t.Fatalf("the command went on after cancel: %q", out.String())
	}
}
