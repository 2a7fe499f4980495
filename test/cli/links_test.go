package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A symbolic link in an action folder that leads to a folder or to nothing
// fails the run naming it, with nothing written, as hygen fails (EISDIR,
// ENOENT); a link to a file is a template like any other.
func TestActionFolderLinks(t *testing.T) {
	for _, tt := range []struct {
		name, target, want string
	}{
		{"to nothing", "missing.t", "is a symbolic link that leads nowhere"},
		{"to a folder", "..", "is a symbolic link to a folder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t)
			link := filepath.Join(dir, "_templates", "page", "new", "z.t")
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, nil, "page", "new", "Home")
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "z.t") {
				t.Errorf("want exit 1 naming z.t and %q; got %v", tt.want, r)
			}
			if _, err := os.Stat(filepath.Join(dir, "pages")); err == nil {
				t.Error("files were written")
			}
		})
	}
	dir := project(t)
	if err := os.WriteFile(filepath.Join(dir, "shared.t"), []byte("---\nto: pages/shared.txt\n---\nshared <%= name %>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "shared.t"), filepath.Join(dir, "_templates", "page", "new", "z.t")); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, nil, "page", "new", "Home"); r.code != 0 {
		t.Fatalf("a link to a file: %v", r)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pages", "shared.txt")); err != nil || string(b) != "shared Home\n" {
		t.Errorf("pages/shared.txt = %q, %v", b, err)
	}
}

// A target that is a link to nothing outside the project is refused as any
// target leading out is, naming the rule, and nothing is created there.
func TestTargetLinkToNothingOutside(t *testing.T) {
	dir := project(t)
	outside := filepath.Join(t.TempDir(), "created.txt")
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "pages", "Home.txt")); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, []string{"HYGEN_OVERWRITE=1"}, "page", "new", "Home")
	if r.code != 1 || !strings.Contains(r.stderr, "resolves outside the project directory") || !strings.Contains(r.stderr, "hypergen: --allow-outside permits it\n") {
		t.Errorf("want exit 1, the outside-the-project error and the flag that permits it; got %v", r)
	}
	if _, err := os.Lstat(outside); err == nil {
		t.Error("the link's target was created outside the project")
	}
}

// A folder link that leads nowhere when the run starts (lnk -> out) is
// written through once an earlier template has made its folder, as hygen's
// mkdir and write follow it: both files land in out/, and lnk stays a link.
func TestFolderLinkMadeValidByAnEarlierTemplate(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: out/a.txt\n---\nA\n",
		"_templates/g/new/b.t": "---\nto: lnk/b.txt\n---\nB\n",
	})
	if err := os.Symlink("out", filepath.Join(dir, "lnk")); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, "g", "new")
	if r.code != 0 || !strings.Contains(r.stdout, "added: lnk/b.txt") {
		t.Fatalf("want exit 0 and lnk/b.txt added; got %v", r)
	}
	for name, want := range map[string]string{"a.txt": "A\n", "b.txt": "B\n"} {
		if b, err := os.ReadFile(filepath.Join(dir, "out", name)); err != nil || string(b) != want {
			t.Errorf("out/%s = %q, %v; want %q", name, b, err, want)
		}
	}
	if fi, err := os.Lstat(filepath.Join(dir, "lnk")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("lnk is no longer a link: %v, %v", fi, err)
	}
}

// A Liquid include that leads outside the project, by its absolute name,
// by ".." or through a link, fails as a from: file there does, with the
// flag that permits it; by ".." and through a link it failed as "not
// found where this run may read it", with no flag named.
func TestLiquidIncludeOutside(t *testing.T) {
	for _, include := range []string{"OUTSIDE", "../outside.txt", "../link.txt"} {
		root := t.TempDir()
		outside := filepath.Join(root, "outside.txt")
		dir := filepath.Join(root, "p")
		files := map[string]string{outside: "secret", filepath.Join(dir, "_templates/g/new/a.liquid.t"): "---\nto: out.txt\n---\n{% include '" + strings.ReplaceAll(include, "OUTSIDE", outside) + "' %}"}
		for name, text := range files {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Symlink(outside, filepath.Join(dir, "_templates/g/link.txt")); err != nil {
			t.Fatal(err)
		}
		r := run(t, dir, nil, "g", "new")
		if r.code != 1 || !strings.Contains(r.stderr, "the file is outside the templates root and the project") || !strings.Contains(r.stderr, "hypergen: --allow-outside permits it\n") {
			t.Errorf("include %q: want exit 1, the file outside and the flag that permits it; got %v", include, r)
		}
		if r := run(t, dir, nil, "g", "new", "--allow-outside"); r.code != 0 {
			t.Errorf("include %q with --allow-outside: %v", include, r)
		} else if b, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(b) != "secret" {
			t.Errorf("include %q with --allow-outside wrote %q", include, b)
		}
	}
}
