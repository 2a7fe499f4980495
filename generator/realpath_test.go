package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRealPathsMatchRealPath: the memo resolves every target as resolving
// the longest existing prefix of its path does (walkUp), after following a
// target or folder that is a link to nothing (writing through it creates
// what it names), whichever folders exist, and in any order of lookups (a
// missing folder's parents are memoized by the first target under them).
func TestRealPathsMatchRealPath(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	mustMkdir := func(p string) {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mustMkdir(filepath.Join(root, "src", "have"))
	mustMkdir(filepath.Join(outside, "real"))
	links := map[string]string{
		filepath.Join(root, "out"):       filepath.Join(outside, "real"), // a folder elsewhere
		filepath.Join(root, "dangling"):  filepath.Join(outside, "gone"), // points nowhere
		filepath.Join(root, "src", "up"): "..",                           // relative
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	targets := []string{
		"src/have/a.ts", "src/new/deeper/b.ts", "src/new/c.ts", "src/new/deeper/d.ts",
		"out/e.ts", "out/new/f.ts", "dangling/g.ts", "dangling", "dangling/new/k.ts", "src/up/src/have/h.ts",
		"src/up/new/i.ts", "new1/new2/new3/j.ts", "out",
	}
	backwards := slices.Clone(targets)
	slices.Reverse(backwards)
	m := realPaths{}
	for _, order := range [][]string{targets, backwards} {
		for _, rel := range order {
			p := filepath.Join(root, rel)
			got, link := m.of(p)
			if want := walkUp(followDangling(p)); got != want {
				t.Errorf("%s: memo %q, resolved prefix %q", rel, got, want)
			}
			if _, isLink := links[p]; link != isLink {
				t.Errorf("%s: link %v, want %v", rel, link, isLink)
			}
		}
	}
}

// walkUp is the test's oracle: it resolves the longest prefix of p that
// exists, one element at a time from the end, and puts back the rest. A
// prefix that is a link to nothing is followed: a write under it creates
// the folder it names.
func walkUp(p string) string {
	rest := ""
	for cur := p; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		if fi, err := os.Lstat(cur); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return filepath.Join(walkUp(followDangling(cur)), rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// followDangling follows p while it is a link to nothing, relative targets
// from the link's resolved folder.
func followDangling(p string) string {
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return p
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
		target, _ := os.Readlink(p)
		if !filepath.IsAbs(target) {
			target = filepath.Join(walkUp(filepath.Dir(p)), target)
		}
		p = target
	}
	return p
}
