package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
)

// digest hashes every path and content below dir.
func digest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel + "\x00"))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}

func TestWriteIsDeterministic(t *testing.T) {
	spec := Spec{Generators: 4, Actions: 3, Templates: 6, Seed: 7}
	a, err := Write(t.Context(), filepath.Join(t.TempDir(), "a"), spec)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Write(t.Context(), filepath.Join(t.TempDir(), "b"), spec)
	if err != nil {
		t.Fatal(err)
	}
	if digest(t, a.Dir) != digest(t, b.Dir) {
		t.Error("two trees of the same spec differ")
	}
	if a.Templates != spec.Total() || a.Bytes == 0 {
		t.Errorf("templates = %d (want %d), bytes = %d", a.Templates, spec.Total(), a.Bytes)
	}
	spec.Seed = 8
	c, err := Write(t.Context(), filepath.Join(t.TempDir(), "c"), spec)
	if err != nil {
		t.Fatal(err)
	}
	if digest(t, a.Dir) == digest(t, c.Dir) {
		t.Error("a different seed made the same tree")
	}
	planned, err := Plan(Spec{Generators: 4, Actions: 3, Templates: 6, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(planned.Commands, a.Commands, slices.Equal) {
		t.Errorf("Plan commands %v differ from Write's %v", planned.Commands, a.Commands)
	}
	st, err := os.Stat(filepath.Join(a.Root(), a.Commands[0][0]))
	if err != nil || !st.ModTime().Equal(Epoch) {
		t.Errorf("generator folder mtime = %v, %v; want %v", st.ModTime(), err, Epoch)
	}
}

// A larger tree only adds generators: generator g is the same in both.
func TestGeneratorsDoNotDependOnTreeSize(t *testing.T) {
	small, _ := Plan(Spec{Generators: 2, Seed: 3})
	large, _ := Plan(Spec{Generators: 5, Seed: 3})
	if !slices.EqualFunc(small.Commands, large.Commands[:len(small.Commands)], slices.Equal) {
		t.Errorf("small %v is not a prefix of large %v", small.Commands, large.Commands)
	}
}

// Every command of a corpus succeeds with the real engine in a fresh copy of
// the project, and writes what its frontmatter says.
func TestEveryCommandGenerates(t *testing.T) {
	tree, err := Write(t.Context(), filepath.Join(t.TempDir(), "corpus"), Spec{Generators: 3, Templates: 7, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range tree.Commands {
		project := t.TempDir()
		if err := writeFile(filepath.Join(project, InjectTarget), RegistryContent); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		e := generator.New(generator.Config{Cwd: project, Templates: tree.Root(), Stdout: &out})
		res, err := e.Run(context.Background(), cmd)
		if err != nil {
			t.Fatalf("%v: %v\n%s", cmd, err, out.String())
		}
		if res.Files != 7 {
			t.Errorf("%v rendered %d files, want 7 (NOTES.md must be ignored)", cmd, res.Files)
		}
		reg, _ := os.ReadFile(filepath.Join(project, InjectTarget))
		if !strings.Contains(string(reg), "export { "+cmd[2]) {
			t.Errorf("%v: inject target not edited:\n%s", cmd, reg)
		}
	}
}

func TestWriteRefusesBadSpecsAndBusyFolders(t *testing.T) {
	for _, s := range []Spec{{Generators: 0}, {Generators: 1, Actions: MaxActions + 1}, {Generators: 1, Templates: -1}} {
		if _, err := Write(t.Context(), filepath.Join(t.TempDir(), "x"), s); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
	busy := t.TempDir()
	os.WriteFile(filepath.Join(busy, "keep.txt"), []byte("mine"), 0o644)
	if _, err := Write(t.Context(), busy, Spec{Generators: 1}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("busy folder: err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(busy, "keep.txt")); string(b) != "mine" {
		t.Error("busy folder was touched")
	}
}

func TestWriteStopsWhenCancelledAndLeavesNothing(t *testing.T) {
	ctx, cancel := context.WithCancelCause(t.Context())
	stop := errors.New("told to stop")
	cancel(stop)
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := Write(ctx, dir, Spec{Generators: 1000, Seed: 1}); !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the cancellation's cause", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled write left %s behind (stat: %v)", dir, err)
	}
}

// A folder that was there before the write (empty, as Write demands, or
// the current folder with --output .) is the user's: a stopped write
// removes what it wrote and leaves the folder and anything put in it
// meanwhile. It removed the folder itself.
func TestWriteStoppedKeepsTheUsersFolder(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancelCause(t.Context())
	stop := errors.New("told to stop")
	notes := filepath.Join(dir, "NOTES.txt")
	go func() {
		// As soon as the write has begun, the user saves a file there and
		// the write is stopped.
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if _, err := os.Stat(filepath.Join(dir, "_templates")); err == nil {
				break
			}
		}
		os.WriteFile(notes, []byte("mine\n"), 0o644)
		cancel(stop)
	}()
	if _, err := Write(ctx, dir, Spec{Generators: 100000, Seed: 1}); !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the cancellation's cause", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "NOTES.txt" {
		t.Errorf("left in the folder: %v, want NOTES.txt alone", entries)
	}
}
