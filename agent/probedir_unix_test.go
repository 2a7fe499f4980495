//go:build unix

package agent

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// A probe folder whose removal a shutdown deadline cut short stayed in the
// temporary folder for good. Agents remove the folders of agents no longer
// running when they start, and keep those of agents still running and
// links.
func TestAgentReclaimsTheProbeFoldersOfAgentsGone(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// left makes the folder of an agent gone, whole at once: an agent's
	// removal may run meanwhile.
	left := func(name string) string {
		made := filepath.Join(t.TempDir(), "made")
		if err := os.MkdirAll(filepath.Join(made, "g01000", "gen0001", "new"), 0o755); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(tmp, probeDirPattern+name)
		if err := os.Rename(made, dir); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	tel, _ := telemetry(t)
	running := startAgent(t, Config{ProbeInterval: -1}, tel)
	outside := filepath.Join(t.TempDir(), "keep")
	if err := os.MkdirAll(filepath.Join(outside, "g00010"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, probeDirPattern+"link")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	gone := left("gone")
	if err := reclaimProbeDirs(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(gone); !os.IsNotExist(err) {
		t.Errorf("%s: %v; want it removed", gone, err)
	}
	for _, kept := range []string{running.probeDir, filepath.Join(outside, "g00010"), link} {
		if _, err := os.Lstat(kept); err != nil {
			t.Errorf("%s: %v; want it kept", kept, err)
		}
	}
	// An agent starting does it.
	gone = left("gone-too")
	startAgent(t, Config{ProbeInterval: -1}, tel)
	testenv.WaitFor(t, "the folder left by an agent gone removed", 10*time.Second, func() (bool, string) {
		_, err := os.Stat(gone)
		return os.IsNotExist(err), "it is still there"
	})
	// The running agent's folder goes with its shutdown, as before.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := running.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running.probeDir); !os.IsNotExist(err) {
		t.Errorf("%s after its agent's shutdown: %v", running.probeDir, err)
	}
}
