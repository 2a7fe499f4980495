package hpack

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoInit checks the reason this package exists: its tables are
// literals, so it has no package initialisation for every hypergen process
// to run. The runtime prints an inittrace line for each package that has
// one; this test binary is run again, running no test, to read them.
func TestNoInit(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), "init golang.org/x/net/http2/hpack @") {
		t.Fatalf("no inittrace line for x/net's hpack, which has an init; is inittrace working? %s", out)
	}
	if strings.Contains(string(out), "init github.com/hypergen-dev/hypergen/exporters/otlplite/internal/hpack @") {
		t.Errorf("this package has an init:\n%s", out)
	}
}
