//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// An action that writes into more folders than the process may keep files
// open for fails, having written nothing, with an error that says why and
// what to do: it said only "too many open files".
func TestTooManyFoldersForTheOpenFileLimit(t *testing.T) {
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("_templates/tree/new/t%d.t", i)] = fmt.Sprintf("---\nto: d%d/f.txt\n---\nx\n", i)
	}
	dir := testfs.Tree(t, files)
	// ulimit -n sets the hard limit too, which Go's start-up raises the
	// soft one to.
	cmd := exec.Command("sh", "-c", `ulimit -n 256 && exec "$0" tree new`, bin)
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err := cmd.Run()
	if err == nil {
		t.Fatal("200 folders under ulimit -n 256: want a failure")
	}
	for _, w := range []string{"too many open files", "this action writes into 200 folders", "this process may open 256 at once (ulimit -n)"} {
		if !strings.Contains(errOut.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut.String())
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "d*")); len(m) > 0 {
		t.Errorf("a run that failed left %d folders, %v…", len(m), m[0])
	}
}
