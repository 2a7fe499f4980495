package dist

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

const (
	version = "v0.0.0-disttest"
	// epoch is the SOURCE_DATE_EPOCH of the test build: 2026-01-02T03:04:05Z.
	epoch     = "1767323045"
	buildDate = "2026-01-02T03:04:05Z"
)

// release is the folder scripts/release wrote for linux/amd64.
var release string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
			fmt.Println("skipping: the distribution tests run the linux/amd64 build")
			return 0
		}
		tmp, err := os.MkdirTemp("", "hypergen-dist-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(tmp)
		release = filepath.Join(tmp, "release")
		if _, err := script(nil, "release", []string{"OUT=" + release, "TARGETS=linux/amd64"}, version); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return m.Run()
	}())
}

// script runs scripts/NAME with extra environment and returns its stdout;
// a failure's error carries stderr.
func script(t *testing.T, name string, env []string, args ...string) (string, error) {
	if t != nil {
		t.Helper()
	}
	cmd := exec.Command(filepath.Join(testenv.RepoRoot(), "scripts", name), args...)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+epoch)
	cmd.Env = append(cmd.Env, env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("scripts/%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out)), nil
}

// run runs a command in dir and fails the test unless it exits 0.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// gitHead is the repository's checked-out commit.
func gitHead(t *testing.T, dir string) string {
	t.Helper()
	return strings.TrimSpace(run(t, dir, nil, "git", "rev-parse", "HEAD"))
}

// commands are the executables every artifact ships, read from
// scripts/lib/dist.sh, so the tests follow that list.
func commands(t *testing.T) []string {
	t.Helper()
	out := run(t, testenv.RepoRoot(), nil, "bash", "-c",
		`source scripts/lib/dist.sh && for c in "${DIST_COMMANDS[@]}"; do echo "${c%%=*}"; done`)
	names := strings.Fields(out)
	if len(names) == 0 || names[0] != "hypergen" {
		t.Fatalf("DIST_COMMANDS in scripts/lib/dist.sh: %q, want hypergen first", names)
	}
	return names
}
