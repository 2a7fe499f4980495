//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
		want  string         // in the output, if set
	}{
		// Said as the run's stop, not as the signal the shell got.
		{"sh: step, SIGTERM", map[string]string{"_templates/g/new/a.t": "---\nsh: " + spawn + "\n---\n"}, nil, syscall.SIGTERM,
			`sh "` + spawn + `" stopped: terminated signal received`},
		{"hook's execSync, SIGTERM", map[string]string{"_templates/g/new/index.js": hook, "_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"},
			nil, syscall.SIGTERM, ""},
		{"hook's execSync, time limit", map[string]string{"_templates/g/new/index.js": hook, "_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"},
			[]string{"--js-timeout", "1s"}, 0, ""},
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
			if !strings.Contains(p.Output(), tt.want) {
				t.Errorf("the output lacks %q:\n%s", tt.want, p.Output())
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

// A signal while a finished run waits for its telemetry export (a peer
// that takes the OTLP request and never answers, with a long
// HYPERGEN_TELEMETRY_TIMEOUT) ends the process signalGrace later with the
// generation's exit code, saying the export was not waited for. It ended
// with exit 1, blaming JavaScript that was not running.
func TestSignalDuringTheExportKeepsTheRunsExitCode(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var received atomic.Int64
	var conns sync.WaitGroup
	defer conns.Wait()
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Go(func() {
				defer c.Close()
				// HTTP/2: the server's settings and the ack of the
				// client's, after which the client sends its request.
				c.Write([]byte{0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0})
				buf := make([]byte, 4096)
				for {
					n, err := c.Read(buf)
					received.Add(int64(n))
					if err != nil {
						return
					}
				}
			})
		}
	}()
	dir := testfs.Tree(t, map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"})
	p := testenv.StartIn(t, dir, []string{"HOME=" + dir, "HYPERGEN_CACHE_DIR=" + t.TempDir(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + ln.Addr().String(), "HYPERGEN_TELEMETRY_TIMEOUT=60s"}, bin, "g", "new")
	// The connection's preface and settings are a few dozen bytes; the
	// export, sent once the generation has ended, is far more.
	for deadline := time.Now().Add(30 * time.Second); received.Load() < 500; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no export reached the listener (%d bytes):\n%s", received.Load(), p.Output())
		}
	}
	p.Signal(t, syscall.SIGINT)
	if code := p.Wait(t, 30*time.Second); code != 0 {
		t.Errorf("exit %d, want the generation's 0:\n%s", code, p.Output())
	}
	if out := p.Output(); !strings.Contains(out, "the telemetry export did not end within 3s of the signal; not waiting for it") {
		t.Errorf("output lacks the export's message:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.txt")); err != nil {
		t.Error(err)
	}
}
