package diskindex

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// settled opens an index whose clock runs ahead, as if it were built long
// after the test's files were last changed, so entries are not racy and the
// index really is consulted.
func settled(t *testing.T, dir string, warn *bytes.Buffer) *Store {
	s := Open(dir, warn)
	s.now = func() time.Time { return time.Now().Add(10 * RacyWindow) }
	return s
}

// generate runs one generation in a fresh engine, as a new process would,
// with a fresh Store on the same cache folder, and returns what it wrote.
func generate(t *testing.T, project, cache string) (string, Stats) {
	t.Helper()
	out := filepath.Join(project, "out")
	os.RemoveAll(out)
	idx := settled(t, cache, nil)
	e := generator.New(generator.Config{Cwd: project, Index: idx})
	if _, err := e.Run(context.Background(), []string{"gen", "new", "x"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(out, p)
			got = append(got, rel+"="+string(b))
		}
		return nil
	})
	slices.Sort(got)
	return strings.Join(got, " "), idx.Stats()
}

func tmpl(name string) string { return "---\nto: out/" + name + "\n---\n" + name + " <%= name %>" }

// Whatever changes in a template tree between two runs, the second run sees
// it: edited, added, removed, renamed or newly ignored templates, and folders
// replaced wholesale.
func TestChangedTemplatesAreNeverServedStale(t *testing.T) {
	project := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t":          tmpl("a"),
		"_templates/gen/new/sub/b.t":      tmpl("b"),
		"_templates/gen/new/.hygenignore": "*.md\n",
		"_templates/gen/new/skip.md":      tmpl("md"),
	})
	cache := t.TempDir()
	action := filepath.Join(project, "_templates/gen/new")
	write := func(rel, content string) {
		p := filepath.Join(action, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := generate(t, project, cache); got != "a=a x b=b x" {
		t.Fatalf("first run: %q", got)
	}
	if got, st := generate(t, project, cache); got != "a=a x b=b x" || st.Hits != 1 {
		t.Fatalf("unchanged tree: %q, stats %+v (the index must serve it)", got, st)
	}
	steps := []struct {
		what   string
		change func()
		want   string
	}{
		{"edit a template", func() { write("a.t", tmpl("a")+"!") }, "a=a x! b=b x"},
		{"add a template", func() { write("c.t", tmpl("c")) }, "a=a x! b=b x c=c x"},
		{"add one in a subfolder", func() { write("sub/d.t", tmpl("d")) }, "a=a x! b=b x c=c x d=d x"},
		{"add one in a new nested folder", func() { write("sub/deep/e.t", tmpl("e")) }, "a=a x! b=b x c=c x d=d x e=e x"},
		{"remove a template", func() { os.Remove(filepath.Join(action, "c.t")) }, "a=a x! b=b x d=d x e=e x"},
		{"rename a template", func() {
			os.Rename(filepath.Join(action, "sub/d.t"), filepath.Join(action, "sub/f.t"))
		}, "a=a x! b=b x d=d x e=e x"},
		// Same size, so only times and identity can tell.
		{"edit the ignore rules", func() { write(".hygenignore", "*.t\n\n") }, "md=md x"},
		{"stop ignoring", func() { write(".hygenignore", "*.xx\n") }, "a=a x! b=b x d=d x e=e x md=md x"},
		{"replace the action folder", func() {
			os.Rename(action, action+".old")
			os.MkdirAll(action, 0o755)
			write("z.t", tmpl("z"))
		}, "z=z x"},
	}
	for _, s := range steps {
		s.change()
		if got, _ := generate(t, project, cache); got != s.want {
			t.Errorf("after %s: got %q, want %q", s.what, got, s.want)
		}
		if got, st := generate(t, project, cache); got != s.want || st.Hits != 1 {
			t.Errorf("after %s, second run: got %q (stats %+v), want %q from the index", s.what, got, st, s.want)
		}
	}
}

// An entry built right after its folder changed cannot be told apart from
// one built right before a change in the same clock tick, so it is not
// trusted until the change is old enough.
func TestRacyEntriesAreNotTrusted(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"a/x.t": "x"})
	s := Open(t.TempDir(), nil)
	folder := filepath.Join(dir, "a")
	s.PutListing(folder, []string{filepath.Join(folder, "x.t")}, []string{folder})
	if _, ok := s.Listing(folder); ok {
		t.Fatal("a listing built within the racy window was trusted")
	}
	if st := s.Stats(); st.Stale != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestCorruptAndForeignShardsAreRebuilt(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"g/a/x.t": "x", "g/b/y.t": "y"})
	cache := t.TempDir()
	a, b := filepath.Join(dir, "g/a"), filepath.Join(dir, "g/b")
	put := func(folder, file string) {
		settled(t, cache, nil).PutListing(folder, []string{filepath.Join(folder, file)}, []string{folder})
	}
	put(a, "x.t")
	put(b, "y.t")
	shard := settled(t, cache, nil).shardPath(a)
	good, err := os.ReadFile(shard)
	if err != nil {
		t.Fatal(err)
	}
	foreign, _ := os.ReadFile(settled(t, cache, nil).shardPath(b))
	flipped := bytes.Replace(good, []byte(`x.t`), []byte(`z.t`), 1)
	cases := map[string][]byte{
		"garbage":          []byte("not an index at all"),
		"empty":            {},
		"truncated":        good[:len(good)/2],
		"payload changed":  flipped,
		"another format":   bytes.Replace(good, []byte(formatLine), []byte("hypergen-index 9\n"), 1),
		"another folder's": foreign,
	}
	for name, content := range cases {
		if err := os.WriteFile(shard, content, 0o644); err != nil {
			t.Fatal(err)
		}
		s := settled(t, cache, nil)
		if files, ok := s.Listing(a); ok {
			t.Errorf("%s shard trusted: %v", name, files)
		}
		if st := s.Stats(); st.Corrupt != 1 {
			t.Errorf("%s shard: stats %+v, want it counted as corrupt", name, st)
		}
		// The engine rebuilds it on the miss; the next process trusts the rebuilt one.
		if _, err := generator.ListGeneratorsIndexed(dir, s); err != nil {
			t.Fatal(err)
		}
		if files, ok := settled(t, cache, nil).Listing(a); !ok || len(files) != 1 || filepath.Base(files[0]) != "x.t" {
			t.Errorf("%s shard not rebuilt: %v %v", name, files, ok)
		}
	}
}

func TestUnwritableCacheFallsBackToMemoryWithOneWarning(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"a/x.t": "x", "b/y.t": "y", "not-a-dir": "file"})
	var warn bytes.Buffer
	// A regular file where a folder must be: not writable even for root.
	s := settled(t, filepath.Join(dir, "not-a-dir", "cache"), &warn)
	for _, f := range []string{"a", "b", "a"} {
		folder := filepath.Join(dir, f)
		s.PutListing(folder, nil, []string{folder})
	}
	if n := strings.Count(warn.String(), "warning"); n != 1 {
		t.Errorf("%d warnings:\n%s", n, warn.String())
	}
	if !strings.Contains(warn.String(), "not-a-dir") {
		t.Errorf("warning does not name the folder: %s", warn.String())
	}
	if _, ok := s.Listing(filepath.Join(dir, "b")); !ok {
		t.Error("the in-memory index does not serve its entries")
	}
	if st := s.Stats(); st.Persistent || st.Writes != 0 || st.Hits != 1 {
		t.Errorf("stats = %+v", st)
	}
}

// A shard whose listing leads out of its action folder was not written by
// this package (it stores names inside the folder), whatever its checksum
// says: someone who may write the cache folder made it, so that a run
// renders and runs their template. It is listed afresh instead.
func TestListingOutsideTheFolderIsNotTrusted(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"g/a/x.t": "x", "evil/x.t": "planted"})
	cache := t.TempDir()
	a := filepath.Join(dir, "g/a")
	// What an attacker writes: a well-formed shard, checksum and all.
	settled(t, cache, nil).PutListing(a, []string{filepath.Join(a, "x.t"), filepath.Join(dir, "evil/x.t")}, []string{a})
	s := settled(t, cache, nil)
	if files, ok := s.Listing(a); ok {
		t.Errorf("listing leading out of %s trusted: %v", a, files)
	}
	if files, err := generator.ListGeneratorsIndexed(dir, s); err != nil {
		t.Fatal(err)
	} else if len(files) == 0 {
		t.Fatal("no generators listed")
	}
	if files, ok := settled(t, cache, nil).Listing(a); !ok || len(files) != 1 || filepath.Base(files[0]) != "x.t" {
		t.Errorf("rebuilt listing = %v, %v; want x.t alone", files, ok)
	}
}

// A folder where one shard belongs keeps that action's index in memory,
// with a warning naming it; the cache itself is writable, and the other
// actions' shards are still written (it turned the whole cache off with a
// warning that the cache folder was not writable).
func TestAFolderInAShardsPlaceCostsThatShardOnly(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"g/a/x.t": "x", "g/b/y.t": "y"})
	cache := t.TempDir()
	var warn bytes.Buffer
	s := settled(t, cache, &warn)
	a, b := filepath.Join(dir, "g/a"), filepath.Join(dir, "g/b")
	if err := os.MkdirAll(s.shardPath(a), 0o755); err != nil {
		t.Fatal(err)
	}
	s.PutListing(a, []string{filepath.Join(a, "x.t")}, []string{a})
	s.PutListing(b, []string{filepath.Join(b, "y.t")}, []string{b})
	if !strings.Contains(warn.String(), s.shardPath(a)) || strings.Contains(warn.String(), "not writable") {
		t.Errorf("warning: %q; want one naming the shard", warn.String())
	}
	if st := s.Stats(); !st.Persistent || st.Writes != 1 {
		t.Errorf("stats = %+v; want b's shard written", st)
	}
	if _, ok := settled(t, cache, nil).Listing(b); !ok {
		t.Error("b's shard was not written")
	}
}
