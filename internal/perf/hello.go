package perf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/internal/procgroup"
)

// Baseline is the process perf benchmark compares hypergen's process
// start-up with: a hello-world, started the same way, in the same run.
type Baseline struct {
	Command []string `json:"command"`
	Env     []string `json:"env,omitempty"` // added to the environment
	Source  string   `json:"source"`        // what it is, for people
	// StandIn marks a process that is not a real hello-world binary; the
	// ratio against it is reported but not judged against the budget.
	StandIn bool `json:"stand_in,omitempty"`
}

// helloSource is the hello-world: what scripts/cold-start builds too.
const helloSource = "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"hello\\n\") }\n"

// HelloWorld returns a hello-world Go binary built by the go command on PATH,
// kept in dir/baseline and built once per Go version. Without a go command
// it returns (nil, nil): the caller decides what stands in for it.
func HelloWorld(ctx context.Context, dir string) (*Baseline, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return nil, nil
	}
	// GOTOOLCHAIN=local: never download a toolchain to build a baseline;
	// GOOS/GOARCH empty: a binary for this machine whatever the shell says.
	// No other settings (-trimpath, CGO_ENABLED), so the standard library
	// compiled for the user's own builds serves from the build cache; a
	// program importing only os links statically either way.
	env := append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=", "GOWORK=off", "GOOS=", "GOARCH=")
	var out bytes.Buffer
	ver := exec.CommandContext(ctx, gobin, "env", "GOVERSION")
	ver.Env, ver.Stdout, ver.Stderr = env, &out, &out
	if err := ver.Run(); err != nil {
		return nil, fmt.Errorf("go env GOVERSION: %v: %s", err, strings.TrimSpace(out.String()))
	}
	version := strings.TrimSpace(out.String())
	// The build runs in a scratch folder, where a relative dir means another place.
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}
	bin := filepath.Join(dir, "baseline", "hello-"+version)
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	b := &Baseline{Command: []string{bin}, Source: "hello-world Go binary built by " + version + " (" + bin + ")"}
	if helloWorks(ctx, bin) {
		return b, nil
	}
	// Missing, or damaged (a disk that filled up, a cache copied between
	// machines): built again rather than timed as it is, or failing every
	// benchmark from now on.
	_ = os.Remove(bin)
	src, err := os.MkdirTemp("", "hypergen-hello-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(src)
	for name, text := range map[string]string{"main.go": helloSource, "go.mod": "module hello\n\ngo 1.16\n"} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return nil, err
	}
	// Built beside its final name and renamed into place, so a concurrent
	// run never starts a half-written binary.
	tmp := fmt.Sprintf("%s.%d.tmp", bin, os.Getpid())
	defer os.Remove(tmp)
	build := exec.CommandContext(ctx, gobin, "build", "-o", tmp, ".")
	out.Reset()
	// go's work folder goes inside src, removed with it: a go killed by
	// Ctrl-C left its go-build* folder in $TMPDIR.
	work := filepath.Join(src, "gotmp")
	if err := os.Mkdir(work, 0o700); err != nil {
		return nil, err
	}
	build.Dir, build.Env, build.Stdout, build.Stderr = src, append(env, "GOTMPDIR="+work), &out, &out
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("building a hello-world with %s: %v: %s", version, err, strings.TrimSpace(out.String()))
	}
	if err := os.Rename(tmp, bin); err != nil {
		return nil, err
	}
	return b, nil
}

// helloWorks reports whether bin is there and prints what helloSource
// prints.
func helloWorks(ctx context.Context, bin string) bool {
	// A hello-world answers at once; a cached file that is something else
	// and hangs (a script that started a sleep holding its output) is
	// stopped, with what it started, and built again: the check held the
	// benchmark past its limits and a SIGTERM.
	ctx, cancel := context.WithTimeout(ctx, helloCheckLimit)
	defer cancel()
	c := procgroup.Command(ctx, bin)
	var out bytes.Buffer
	c.Stdout = &out
	return c.Run() == nil && out.String() == "hello\n"
}

// helloCheckLimit bounds the check of a cached hello-world.
var helloCheckLimit = 10 * time.Second
