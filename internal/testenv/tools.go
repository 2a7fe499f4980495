package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
)

var (
	aptMu        sync.Mutex
	aptUpdated   bool
	toolFailures = map[string]error{}
)

// Tool returns the path of a command from a Debian package (promtool from
// prometheus, docker-compose from docker-compose), installing the package
// with apt-get when it is missing, so the suite runs on a fresh machine.
// The test fails when the command cannot be had.
func Tool(tb testing.TB, command, debianPackage string) string {
	tb.Helper()
	if p, err := exec.LookPath(command); err == nil {
		return p
	}
	aptMu.Lock()
	defer aptMu.Unlock()
	if err, failed := toolFailures[debianPackage]; failed {
		tb.Fatal(err)
	}
	if p, err := exec.LookPath(command); err == nil {
		return p
	}
	install := func() error {
		if !aptUpdated {
			if out, err := exec.Command("apt-get", "update", "-qq").CombinedOutput(); err != nil {
				return fmt.Errorf("apt-get update: %v\n%s", err, out)
			}
			aptUpdated = true
		}
		cmd := exec.Command("apt-get", "install", "-y", "-qq", "--no-install-recommends", debianPackage)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("apt-get install %s: %v\n%s", debianPackage, err, out)
		}
		return nil
	}
	if err := install(); err != nil {
		toolFailures[debianPackage] = fmt.Errorf("%s is missing and installing %s failed: %w", command, debianPackage, err)
		tb.Fatal(toolFailures[debianPackage])
	}
	p, err := exec.LookPath(command)
	if err != nil {
		toolFailures[debianPackage] = fmt.Errorf("%s still missing after installing %s", command, debianPackage)
		tb.Fatal(toolFailures[debianPackage])
	}
	return p
}
