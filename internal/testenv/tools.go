package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
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

// GoCache is the go command's build cache, for the environment of a
// hypergen run in a fresh HOME: perf benchmark builds its hello-world
// baseline with go, which would otherwise compile the standard library from
// nothing. "" without a go command.
var GoCache = sync.OnceValue(func() string {
	out, _ := exec.Command("go", "env", "GOCACHE").Output()
	return strings.TrimSpace(string(out))
})
