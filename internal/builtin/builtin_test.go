package builtin

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestHas(t *testing.T) {
	for name, want := range map[string]bool{
		"init": true, "generator": true,
		"": false, ".": false, "init/self": false, "component": false, "../builtin": false,
	} {
		if got := Has(name); got != want {
			t.Errorf("Has(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestMaterialize checks the written tree is the embedded one, every action
// hygen's built-ins have is there, and remove leaves nothing behind.
func TestMaterialize(t *testing.T) {
	dir, remove, err := Materialize()
	if err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{"init/self", "init/repo", "generator/new", "generator/with-prompt", "generator/help"} {
		entries, err := os.ReadDir(filepath.Join(dir, action))
		if err != nil || len(entries) == 0 {
			t.Errorf("action %s: %d files, %v", action, len(entries), err)
		}
	}
	var want, got []string
	_ = fs.WalkDir(templates, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			want = append(want, p)
		}
		return err
	})
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if len(want) == 0 || !slices.Equal(want, got) {
		t.Errorf("written files %q, embedded %q", got, want)
	}
	remove()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("after remove, %s: %v", dir, err)
	}
}
