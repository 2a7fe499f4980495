package cli

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// An agent started with SIGHUP ignored (nohup) keeps ignoring it: it was
// started to outlive its terminal, and asking for SIGHUP to stop it
// cleanly would have taken the signal back. Read from the kernel's mask of
// ignored signals, so no timing is involved.
func TestMonitorUnderNohupKeepsIgnoringSIGHUP(t *testing.T) {
	dir := project(t)
	admin := testenv.FreeAddr(t)
	clean := append([]string{"-i"}, childEnv(t, dir)...)
	clean = append(clean, "/bin/sh", "-c", `cd "$0" && trap "" HUP && exec "$@"`, dir, bin, "perf", "monitor",
		"--listen", admin, "--probe-interval", "0")
	p := testenv.Start(t, "env", clean...)
	p.WaitListening(t, 30*time.Second, admin) // the signals are set before it listens
	status, err := os.ReadFile("/proc/" + strconv.Itoa(p.PID()) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	var ignored uint64
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "SigIgn:"); ok {
			if ignored, err = strconv.ParseUint(strings.TrimSpace(v), 16, 64); err != nil {
				t.Fatal(err)
			}
		}
	}
	if ignored&(1<<(syscall.SIGHUP-1)) == 0 {
		t.Errorf("SIGHUP is no longer ignored (SigIgn %x): a hang-up would stop the agent nohup started", ignored)
	}
	p.Signal(t, syscall.SIGTERM)
	if code := p.Wait(t, 30*time.Second); code != 0 {
		t.Errorf("exit %d after SIGTERM:\n%s", code, p.Output())
	}
}
