package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestConcurrentInjectsLoseNothing: runs injecting into one barrel file at
// once each keep their line (each read the file while planning and wrote it
// later, unlocked: 151 of 200 survived through the agent once). A pause
// between plan and write widens the window a lost update needs.
func TestConcurrentInjectsLoseNothing(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/comp/new/a.t":      "---\nto: src/<%= name %>/index.js\n---\nexport default 1\n",
		"_templates/comp/new/barrel.t": "---\nto: src/index.js\ninject: true\nappend: true\n---\nexport * from './<%= name %>'\n",
		"src/index.js":                 "",
	})
	eng := New(Config{Cwd: dir, Getenv: func(string) string { return "" }, Observer: pauseObserver{}})
	const n = 200
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := eng.Run(context.Background(), []string{"comp", "new", fmt.Sprintf("c%d", i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	b, _ := os.ReadFile(filepath.Join(dir, "src/index.js"))
	if got := strings.Count(string(b), "export * from"); got != n {
		t.Errorf("barrel has %d of %d export lines", got, n)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "src", ".*hypergen*"))
	if len(leftovers) != 0 {
		t.Errorf("left in the project: %v", leftovers)
	}
}

// TestFailedWriteLeavesNothing: when a later file's folder cannot be made
// (a file is in the way), the earlier files are not written either and the
// folders the run made are removed.
func TestFailedWriteLeavesNothing(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t": "---\nto: made/deep/a.txt\n---\na\n",
		"_templates/gen/new/b.t": "---\nto: existing.txt\n---\nb\n",
		"_templates/gen/new/c.t": "---\nto: blocker/c.txt\n---\nc\n",
		"blocker":                "I am a file\n",
		"existing.txt":           "old\n",
	})
	_, _, err := run(t, dir, map[string]string{"HYGEN_OVERWRITE": "1"}, "gen", "new")
	if err == nil || !strings.Contains(err.Error(), "blocker") {
		t.Fatalf("err = %v, want it to name blocker", err)
	}
	got := snapshot(t, dir)
	if len(got) != 2 || got["existing.txt"] != "old\n" || got["blocker"] != "I am a file\n" {
		t.Errorf("project after the failed run: %v", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "made")); err == nil {
		t.Error("the folder made/ the run created is still there")
	}
}

type pauseObserver struct{ nopObserver }

func (pauseObserver) PhaseDone(_ context.Context, phase Phase, _ time.Time, _ error) {
	if phase == PhasePlan {
		time.Sleep(2 * time.Millisecond)
	}
}

// swapObserver replaces a folder with a link leading out of the project
// once the plan is made, before anything is written.
type swapObserver struct {
	nopObserver
	folder, outside string
}

func (o swapObserver) PhaseDone(_ context.Context, phase Phase, _ time.Time, _ error) {
	if phase == PhasePlan {
		os.RemoveAll(o.folder)
		os.Symlink(o.outside, o.folder)
	}
}

// TestWriteRechecksConfinement: a folder swapped for a link leading out
// between plan and write is refused, not followed.
func TestWriteRechecksConfinement(t *testing.T) {
	top := testfs.Tree(t, map[string]string{
		"proj/_templates/gen/new/a.t": "---\nto: sub/a.txt\n---\na\n",
		"proj/sub/keep":               "",
		"outside/.keep":               "",
	})
	dir, outside := filepath.Join(top, "proj"), filepath.Join(top, "outside")
	e := New(Config{Cwd: dir, Getenv: func(string) string { return "" },
		Observer: swapObserver{folder: filepath.Join(dir, "sub"), outside: outside}})
	if _, err := e.Run(context.Background(), []string{"gen", "new"}); err == nil {
		t.Error("the run wrote through the swapped link")
	}
	if _, err := os.Stat(filepath.Join(outside, "a.txt")); err == nil {
		t.Error("a.txt written outside the project")
	}
}

// panickyWriter panics on its nth write.
type panickyWriter struct{ n int }

func (w *panickyWriter) Write(p []byte) (int, error) {
	if w.n--; w.n == 0 {
		panic("the caller's writer broke")
	}
	return len(p), nil
}

// A caller's writer that panics between two renames leaves the files as
// they were, as an error there does, and the panic reaches the caller: it
// left 2 files new and 48 old.
func TestPanicMidApplyPutsFilesBack(t *testing.T) {
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("_templates/g/new/t%02d.t", i)] = fmt.Sprintf("---\nto: out/f%02d.txt\nforce: true\n---\nNEW\n", i)
		files[fmt.Sprintf("out/f%02d.txt", i)] = "OLD\n"
	}
	dir := testfs.Tree(t, files)
	e := New(Config{Cwd: dir, Stdout: &panickyWriter{n: 4}, Getenv: func(string) string { return "" }})
	func() {
		defer func() {
			if r := recover(); r != "the caller's writer broke" {
				t.Errorf("recovered %v, want the writer's panic", r)
			}
		}()
		_, _ = e.Run(context.Background(), []string{"g", "new"})
	}()
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	for _, d := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, "out", d.Name()))
		if string(b) != "OLD\n" {
			t.Errorf("out/%s = %q, want it as it was", d.Name(), b)
		}
	}
	if len(entries) != 50 {
		t.Errorf("%d entries in out/, want the 50 files alone", len(entries))
	}
}
