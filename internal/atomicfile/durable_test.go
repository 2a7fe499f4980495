package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// countSyncs replaces the fsync hook for one test, recording the name of
// each flushed file and whether any target existed when it was flushed;
// fail, if set, is returned for files (not folders).
func countSyncs(t *testing.T, targets []string, fail error) (files, folders func() []string, early func() bool) {
	var mu sync.Mutex
	var fs, ds []string
	renamedBefore := false
	orig := fsync
	t.Cleanup(func() { fsync = orig })
	fsync = func(f *os.File) error {
		st, err := f.Stat()
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		if st.IsDir() {
			ds = append(ds, filepath.Base(f.Name()))
			return orig(f)
		}
		fs = append(fs, filepath.Base(f.Name()))
		for _, p := range targets {
			if _, err := os.Stat(p); err == nil {
				renamedBefore = true
			}
		}
		if fail != nil {
			return fail
		}
		return orig(f)
	}
	lock := func(s []string) []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), s...) }
	return func() []string { return lock(fs) }, func() []string { return lock(ds) },
		func() bool { mu.Lock(); defer mu.Unlock(); return renamedBefore }
}

// A durable Tx flushes every temporary before the first rename and each
// folder it renamed into once; one that is not durable flushes nothing.
func TestDurableTxSyncsFilesThenFolders(t *testing.T) {
	for _, durable := range []bool{true, false} {
		t.Run(fmt.Sprint("durable=", durable), func(t *testing.T) {
			dir := t.TempDir()
			targets := []string{filepath.Join(dir, "a/1.txt"), filepath.Join(dir, "a/2.txt"), filepath.Join(dir, "b/3.txt")}
			files, folders, early := countSyncs(t, targets, nil)
			tx := Begin(nil, "")
			tx.SetDurable(durable)
			writeAll(t, tx, targets, func(p string) []byte { return []byte(p) })
			for _, p := range targets {
				if b, err := os.ReadFile(p); string(b) != p {
					t.Errorf("%s = %q, %v", p, b, err)
				}
			}
			wantFiles, wantFolders := 3, 2
			if !syncsFolders {
				wantFolders = 0
			}
			if !durable {
				wantFiles, wantFolders = 0, 0
			}
			if got := files(); len(got) != wantFiles {
				t.Errorf("files flushed: %v, want %d", got, wantFiles)
			}
			for _, f := range files() {
				if !IsTemp(f) {
					t.Errorf("flushed %s, not a temporary", f)
				}
			}
			if got := folders(); len(got) != wantFolders {
				t.Errorf("folders flushed: %v, want %d (a and b, once each)", got, wantFolders)
			}
			if early() {
				t.Error("a target was renamed into place before every temporary was flushed")
			}
		})
	}
}

// A temporary that cannot be flushed fails the commit with the file's
// name, and the rollback leaves nothing behind.
func TestDurableTxSyncFailureWritesNothing(t *testing.T) {
	dir := t.TempDir()
	targets := []string{filepath.Join(dir, "new/1.txt"), filepath.Join(dir, "new/2.txt")}
	countSyncs(t, targets, errors.New("input/output error"))
	tx := Begin(nil, "")
	tx.SetDurable(true)
	var staged []Staged
	for _, p := range targets {
		st, err := tx.Stage(p, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		staged = append(staged, st)
	}
	err := tx.Commit(staged[0])
	if err == nil || !strings.Contains(err.Error(), "input/output error") || !strings.Contains(err.Error(), "writing "+dir) {
		t.Fatalf("commit: %v, want the flush failure naming a file", err)
	}
	tx.Rollback()
	if err := tx.Close(); err != nil {
		t.Fatal(err)
	}
	if got := listAll(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}

// BenchmarkDurableTx writes ten small files in two folders per operation,
// replacing the previous operation's files as a repeated generation does,
// with fsyncs one at a time (limit=1) or several at once, and without
// fsync. Run it on the disk under test (TMPDIR), A/B in one run:
//
//	go test ./internal/atomicfile -run '^$' -bench DurableTx -count 8 | benchstat -col /limit -
func BenchmarkDurableTx(b *testing.B) {
	for _, limit := range []int{0, 1, 4, 16} {
		b.Run(fmt.Sprint("limit=", limit), func(b *testing.B) {
			orig := syncLimit
			b.Cleanup(func() { syncLimit = orig })
			syncLimit = max(limit, 1)
			dir := b.TempDir()
			data := []byte(strings.Repeat("export const x = 1;\n", 12))
			var paths []string
			for i := range 10 {
				paths = append(paths, filepath.Join(dir, fmt.Sprint("d", i%2), fmt.Sprint(i, ".ts")))
			}
			for b.Loop() {
				tx := Begin(nil, "")
				tx.SetDurable(limit > 0) // limit=0: not durable
				writeAll(b, tx, paths, func(string) []byte { return data })
			}
		})
	}
}

// writeAll stages every path with its content, then commits them all and
// closes tx, as the engine's apply step does.
func writeAll(tb testing.TB, tx *Tx, paths []string, content func(string) []byte) {
	tb.Helper()
	var staged []Staged
	for _, p := range paths {
		st, err := tx.Stage(p, content(p))
		if err != nil {
			tb.Fatal(err)
		}
		staged = append(staged, st)
	}
	for _, st := range staged {
		if err := tx.Commit(st); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Close(); err != nil {
		tb.Fatal(err)
	}
}
