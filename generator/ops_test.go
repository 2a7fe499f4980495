package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// The words execa.command (execa 5) makes of an sh: text, as Node then
// joins them for /bin/sh -c (test/differential cases 161 and 162 run them
// against hygen).
func TestExecaCommand(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`echo hi`, `echo hi`},
		{"  echo   \"  a  \"  ", `echo " a "`},
		{`touch my\ docs/a`, `touch my docs/a`},
		{`touch my\   docs`, `touch my docs`},    // a run of spaces after the backslash
		{`a\ b\ c`, `a b c`},                     // joined words join again
		{`a\\ b`, `a\ b`},                        // one backslash goes, the other stays
		{`ends\`, `ends\`},                       // no word after it
		{"a\tb  c\n  d", "a\tb c\n d"},           // only spaces separate words
		{"\u00a0\ufeff echo x \u2028", `echo x`}, // JavaScript's trim
		{"   ", ""},
		{"", ""},
	} {
		if got := execaCommand(c.in); got != c.want {
			t.Errorf("execaCommand(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// readInside refuses a link leading out of the folder, wherever it sits on
// the path: the plan checks where a file leads, and a link swapped in after
// that check must not be followed at the read (the agent copied a file from
// outside the project when a link raced its check).
func TestReadInsideRefusesLinksOut(t *testing.T) {
	top := testfs.Tree(t, map[string]string{"project/shared/ok.txt": "ok", "project/in.txt": "in", "outside/secret.txt": "secret"})
	dir := filepath.Join(top, "project")
	if err := os.Symlink(filepath.Join(top, "outside"), filepath.Join(dir, "swapped")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(top, "outside/secret.txt"), filepath.Join(dir, "shared/target.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../in.txt", filepath.Join(dir, "shared/inner.txt")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"shared/ok.txt": "ok", "shared/inner.txt": "in", "swapped/secret.txt": "", "shared/target.txt": ""} {
		b, err := readInside([]string{dir}, filepath.Join(dir, name))
		switch {
		case want == "" && (err == nil || strings.Contains(string(b), "secret")):
			t.Errorf("%s: read %q, %v; want it refused", name, b, err)
		case want != "" && (err != nil || string(b) != want):
			t.Errorf("%s: %q, %v; want %q", name, b, err, want)
		}
	}
	if _, err := readInside([]string{dir}, filepath.Join(top, "outside/secret.txt")); err == nil {
		t.Error("a file outside the folder by name was read")
	}
}

// An inject target reached through an absolute link to a folder inside the
// project is read by its resolved path: os.Root refuses absolute links, and
// a dry run failed with "path escapes from parent".
func TestInjectThroughAbsoluteFolderLink(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: src/index.ts\ninject: true\nappend: true\n---\nexport * from './b'",
		"real/index.ts":        "export * from './a'\n",
	})
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "src")); err != nil {
		t.Fatal(err)
	}
	_, out, err := run(t, dir, nil, "g", "new", "--dry")
	if err != nil || !strings.Contains(out, "inject: src/index.ts") {
		t.Errorf("dry run: %v\n%s", err, out)
	}
}

// One folder reached by two paths (out/ and links to it, relative and
// absolute) is one folder: both files are written, where the run waited on
// its own lock of the folder for ever, and two injects into one file by
// two names both land, as in hygen (the second read the file as it was on
// disk, and the first was lost). Outputs are hygen 6.2.11's for the tree.
func TestOneFolderByTwoPaths(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: out/a.txt\n---\nA",
		"_templates/g/new/b.t": "---\nto: lnk/b.txt\n---\nB",
		"_templates/g/new/c.t": "---\nto: out/list.txt\ninject: true\nappend: true\n---\nI1",
		"_templates/g/new/d.t": "---\nto: lnk/list.txt\ninject: true\nappend: true\n---\nI2",
		"_templates/g/new/e.t": "---\nto: abs/e.txt\n---\nE",
		"out/list.txt":         "x\n",
	})
	if err := os.Symlink("out", filepath.Join(dir, "lnk")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "out"), filepath.Join(dir, "abs")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	if _, err := New(Config{Cwd: dir, Stdout: &out, Getenv: func(string) string { return "" }}).Run(ctx, []string{"g", "new"}); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for file, want := range map[string]string{"a.txt": "A", "b.txt": "B", "e.txt": "E", "list.txt": "x\nI1\nI2\n"} {
		if b, err := os.ReadFile(filepath.Join(dir, "out", file)); err != nil || string(b) != want {
			t.Errorf("out/%s = %q, %v; want %q", file, b, err, want)
		}
	}
}
