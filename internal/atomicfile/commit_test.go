package atomicfile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A rename can fail after every file was staged (here a folder took a
// target's place; a bind-mounted target or a failing disk do it too): the
// files replaced before it get their old content back.
func TestRollbackRestoresReplacedFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tx := Begin(nil, "")
	var staged []Staged
	for _, n := range []string{"a.txt", "b.txt", "new.txt", "c.txt"} {
		st, err := tx.Stage(filepath.Join(dir, n), []byte("new "+n))
		if err != nil {
			t.Fatal(err)
		}
		staged = append(staged, st)
	}
	c := filepath.Join(dir, "c.txt")
	if err := os.Remove(c); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(c, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, st := range staged[:3] {
		if err := tx.Commit(st); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(staged[3]); err == nil {
		t.Fatal("renaming onto a folder succeeded")
	}
	tx.Rollback()
	if err := tx.Close(); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.txt", "b.txt"} {
		if b, _ := os.ReadFile(filepath.Join(dir, n)); string(b) != "old "+n {
			t.Errorf("%s = %q after the rollback, want its old content", n, b)
		}
	}
	if got := strings.Join(listAll(t, dir), " "); got != "a.txt b.txt c.txt c.txt/x" {
		t.Errorf("left behind: %s", got)
	}
}

// What a commit replaced is kept only until the Tx ends.
func TestCommittedTxKeepsNoCopies(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tx := Begin(nil, "")
	var staged []Staged
	for _, n := range []string{"a.txt", "b.txt"} {
		st, err := tx.Stage(filepath.Join(dir, n), []byte("new"))
		if err != nil {
			t.Fatal(err)
		}
		staged = append(staged, st)
	}
	for _, st := range staged {
		if err := tx.Commit(st); err != nil {
			t.Fatal(err)
		}
	}
	if len(tx.kept) != 1 {
		t.Errorf("kept %d replaced files, want 1 (the last commit keeps none)", len(tx.kept))
	}
	if err := tx.Close(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(listAll(t, dir), " "); got != "a.txt b.txt" {
		t.Errorf("left behind: %s", got)
	}
}

// A run waiting for a folder's lock while the run holding it removes the
// folder (made for a write it skipped) makes the folder again and locks.
// The two Txs lock through different names of the folder, so only the file
// lock orders them, as between two processes.
func TestLockMakesARemovedFolderAgain(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	first := Begin(nil, "")
	if err := first.Lock(context.Background(), []string{filepath.Join(dir, "new", "a.txt")}); err != nil {
		t.Fatal(err)
	}
	second := Begin(root, dir)
	got := make(chan error, 1)
	go func() { got <- second.Lock(context.Background(), []string{filepath.Join(dir, "new", "b.txt")}) }()
	time.Sleep(100 * time.Millisecond) // the second Tx opens the folder and waits
	first.Release()                    // removes the lock file and the folder it made
	select {
	case err := <-got:
		if err != nil {
			t.Fatalf("the waiting Tx failed: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting Tx did not get the lock")
	}
	st, err := second.Stage(filepath.Join(dir, "new", "b.txt"), []byte("b"))
	if err == nil {
		err = second.Commit(st)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := second.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "new", "b.txt")); string(b) != "b" {
		t.Errorf("new/b.txt = %q", b)
	}
}

// A name of 255 bytes, the most a file system allows, can be written and
// replaced: its temporaries' names are cut to fit.
func TestLongestNameIsWritten(t *testing.T) {
	dir := t.TempDir()
	name := strings.Repeat("é", 100) + strings.Repeat("x", 55) // 255 bytes
	p := filepath.Join(dir, name)
	for _, content := range []string{"one", "two"} {
		if err := Write(p, []byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("content = %q", b)
	}
	tmp := filepath.Base(tempName(name))
	if len(tmp) > maxName || !IsTemp(tmp) || !strings.HasPrefix(tmp, "."+strings.Repeat("é", 100)) {
		t.Errorf("temporary name %q (%d bytes)", tmp, len(tmp))
	}
}
