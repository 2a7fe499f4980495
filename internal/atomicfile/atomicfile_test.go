package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestWriteReplacesWholeOrLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "f.json")
	if err := Write(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("content = %q", b)
	}
	// A folder where the file should go: the rename fails, no temp file stays.
	blocked := filepath.Join(dir, "blocked")
	os.MkdirAll(filepath.Join(blocked, "x"), 0o755)
	if err := Write(blocked, []byte("x")); err == nil {
		t.Error("writing over a folder succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteKeepsModeAndHonoursUmask(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "run.sh")
	if err := Write(p, []byte("#!/bin/sh\n")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm()&0o044 == 0 {
		t.Errorf("new file mode %v: want 0666 less the umask, readable by others", st.Mode().Perm())
	}
	if err := os.Chmod(p, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("#!/bin/sh\necho\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o750 {
		t.Errorf("mode after replace = %v, want 0750 kept", st.Mode().Perm())
	}
}

// TestTxAllOrNothing: when a later file cannot be staged (a file stands
// where its folder should be), nothing is written and the folders the run
// made are gone.
func TestTxAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "blocker"), []byte("x"), 0o644)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	tx := Begin(root, dir)
	if _, err := tx.Stage(filepath.Join(dir, "a/b/first.txt"), []byte("1")); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Stage(filepath.Join(dir, "blocker/second.txt"), []byte("2")); err == nil {
		t.Fatal("staging below a file succeeded")
	}
	tx.Rollback()
	if err := tx.Close(); err != nil {
		t.Fatal(err)
	}
	if got := listAll(t, dir); strings.Join(got, " ") != "blocker" {
		t.Errorf("left behind: %v", got)
	}
}

// A file that existed before the Tx is never taken for one it added, even
// with no permission bits at all: a rollback keeps it, with its mode.
func TestTxKeepsModelessFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(target, 0); err != nil {
		t.Fatal(err)
	}
	tx := Begin(nil, "")
	st, err := tx.Stage(target, []byte("new"))
	if err == nil {
		err = tx.Commit(st)
	}
	if err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	tx.Close()
	info, err := os.Stat(target)
	if err != nil {
		t.Fatalf("the file that was there before is gone after a rollback: %v", err)
	}
	if info.Mode().Perm() != 0 {
		t.Errorf("mode %v, want the file's own 0", info.Mode().Perm())
	}
}

// A locked run that fails leaves neither its lock file nor the folders it
// made for its targets.
func TestTxLockedRollbackLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	tx := Begin(root, dir)
	target := filepath.Join(dir, "a/b/first.txt")
	if err := tx.Lock(context.Background(), []string{target, filepath.Join(dir, "a/b/second.txt")}); err != nil {
		t.Fatal(err)
	}
	if got := listAll(t, dir); !slices.Contains(got, filepath.Join("a", "b", LockFile)) {
		t.Fatalf("no lock file in the targets' folder: %v", got)
	}
	if _, err := tx.Stage(target, []byte("1")); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	if err := tx.Close(); err != nil {
		t.Fatal(err)
	}
	if got := listAll(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}

// TestTxRefusesSwappedSymlink: a folder replaced by a link leading out of
// the root after planning is not followed.
func TestTxRefusesSwappedSymlink(t *testing.T) {
	top := t.TempDir()
	dir, outside := filepath.Join(top, "proj"), filepath.Join(top, "outside")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.MkdirAll(outside, 0o755)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	os.Remove(filepath.Join(dir, "sub"))
	if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	tx := Begin(root, dir)
	_, err = tx.Stage(filepath.Join(dir, "sub/f.txt"), []byte("x"))
	tx.Rollback()
	tx.Close()
	if err == nil {
		t.Error("wrote through a link leading out of the root")
	}
	if got := listAll(t, outside); len(got) != 0 {
		t.Errorf("written outside: %v", got)
	}
}

// TestLockRemovesStaleTemporaries: what a killed writer left beside a file
// goes when the file is next locked; the lock file does not stay either.
func TestLockRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "f.txt")
	stale := filepath.Join(dir, ".f.txt.hypergen-0123456789ab")
	os.WriteFile(stale, []byte("partial"), 0o644)
	other := filepath.Join(dir, ".g.txt.hypergen-0123456789ab")
	os.WriteFile(other, []byte("partial"), 0o644)
	old := time.Now().Add(-2 * staleAge)
	os.Chtimes(other, old, old)
	fresh := filepath.Join(dir, ".h.txt.hypergen-0123456789ab") // maybe another run's, in flight
	os.WriteFile(fresh, []byte("partial"), 0o644)

	tx := Begin(nil, "")
	if err := tx.Lock(context.Background(), []string{target}); err != nil {
		t.Fatal(err)
	}
	st, err := tx.Stage(target, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(st); err != nil {
		t.Fatal(err)
	}
	if err := tx.Close(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(listAll(t, dir), " "); got != ".h.txt.hypergen-0123456789ab f.txt" {
		t.Errorf("folder holds %q, want the fresh temporary and f.txt", got)
	}
}

// TestLockSerialisesReadModifyWrite: goroutines appending a line each under
// the lock lose none.
func TestLockSerialisesReadModifyWrite(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "barrel.txt")
	os.WriteFile(target, nil, 0o644)
	const n = 100
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			tx := Begin(nil, "")
			defer tx.Close()
			if err := tx.Lock(context.Background(), []string{target}); err != nil {
				t.Error(err)
				return
			}
			b, _ := os.ReadFile(target)
			b = append(b, fmt.Sprintf("line %d\n", i)...)
			st, err := tx.Stage(target, b)
			if err != nil {
				t.Error(err)
				return
			}
			if err := tx.Commit(st); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	b, _ := os.ReadFile(target)
	if got := strings.Count(string(b), "\n"); got != n {
		t.Errorf("%d lines kept of %d", got, n)
	}
}

func TestLockHonoursContext(t *testing.T) {
	target := filepath.Join(t.TempDir(), "f")
	holder := Begin(nil, "")
	if err := holder.Lock(context.Background(), []string{target}); err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := Begin(nil, "").Lock(ctx, []string{target}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting on a held lock: %v, want the context's deadline", err)
	}
	// A context already ended takes no lock, free or not, and says only
	// that: a select between a free lock and ctx.Done took either at random,
	// and named a wait that never happened.
	ended, stop := context.WithCancel(context.Background())
	stop()
	for range 50 {
		free := filepath.Join(t.TempDir(), "g")
		tx := Begin(nil, "")
		if err := tx.Lock(ended, []string{free}); !errors.Is(err, context.Canceled) || strings.Contains(err.Error(), "waiting") {
			t.Fatalf("an ended context: %v, want the cancellation alone", err)
		}
		tx.Close()
	}
}

func listAll(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// TestLockLeavesAFileOfItsNameThatHoldsData: a user's own file named like
// the lock holds data, which hypergen's never do; it was taken for a lock
// left behind and removed with it after the run.
func TestLockLeavesAFileOfItsNameThatHoldsData(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, LockFile), []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	tx := Begin(root, dir)
	err = tx.Lock(context.Background(), []string{filepath.Join(dir, "out.txt")})
	if err == nil || !strings.Contains(err.Error(), "is not one of hypergen's lock files") {
		t.Errorf("Lock = %v, want a refusal naming the file", err)
	}
	tx.Rollback()
	_ = tx.Close()
	if b, err := os.ReadFile(filepath.Join(dir, LockFile)); err != nil || string(b) != "precious\n" {
		t.Errorf("the file is now %q, %v", b, err)
	}
}

// TestLockOneFolderByTwoNames: a transaction that locks one folder by two
// names (a link to it) holds it once, where the second lock waited on the
// first for ever; the lock file goes with the transaction, and another
// transaction still waits for the folder.
func TestLockOneFolderByTwoNames(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("out", filepath.Join(dir, "lnk")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a hang's bound, not a measurement
	defer cancel()
	tx := Begin(nil, "")
	if err := tx.Lock(ctx, []string{filepath.Join(dir, "out", "a"), filepath.Join(dir, "lnk", "b")}); err != nil {
		t.Fatal(err)
	}
	short, stop := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer stop()
	if err := Begin(nil, "").Lock(short, []string{filepath.Join(dir, "lnk", "c")}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("another transaction took the folder while it was held: %v", err)
	}
	tx.Close()
	if got := listAll(t, filepath.Join(dir, "out")); len(got) != 0 {
		t.Errorf("left in the folder: %v", got)
	}
}
