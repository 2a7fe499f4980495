//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"os"
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

// Overwriting files in as many folders as the limit allows works: the
// handles kept for exchanging files came on top of the two of each folder,
// and the folder flush then opened each folder again, so a second run over
// 400 folders under ulimit -n 1024 wrote every file, then failed with one
// bare "too many open files" a folder.
func TestOverwritingManyFoldersUnderTheOpenFileLimit(t *testing.T) {
	files := map[string]string{}
	for i := range 400 {
		files[fmt.Sprintf("_templates/tree/new/t%d.t", i)] = fmt.Sprintf("---\nto: d%d/f.txt\nforce: true\n---\n<%%= gen %%>\n", i)
	}
	dir := testfs.Tree(t, files)
	for _, gen := range []string{"1", "2"} {
		cmd := exec.Command("sh", "-c", `ulimit -n 1024 && exec "$0" tree new --gen "$1"`, bin, gen)
		cmd.Dir = dir
		cmd.Env = childEnv(t, dir)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Run(); err != nil || errOut.Len() > 0 {
			t.Fatalf("run %s over 400 folders under ulimit -n 1024: %v\n%s", gen, err, errOut.String())
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "d399", "f.txt")); err != nil || string(b) != "2\n" {
		t.Errorf("d399/f.txt = %q, %v; want the second run's", b, err)
	}
}
