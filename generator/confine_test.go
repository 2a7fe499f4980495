package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A confined run refuses what leads outside the templates root as a usage
// error that is also ErrOutside, whichever way the request got there, so a
// library caller can tell the refusal from a mistyped name with errors.Is.
func TestConfinedRefusalsAreErrOutside(t *testing.T) {
	top := testfs.Tree(t, map[string]string{
		"proj/_templates/gen/new/a.t":    "---\nto: a.txt\n---\nx\n",
		"proj/_templates/mixed/new/a.t":  "---\nto: b.txt\n---\nx\n",
		"proj/_templates/hooked/new/a.t": "---\nto: c.txt\n---\nx\n",
		"proj/_templates/yml/new/a.t":    "---\nto: d.txt\n---\nx\n",
		"evil/x/a.t":                     "---\nto: evil.txt\n---\nx\n",
		"evil/file.t":                    "---\nto: evil.txt\n---\nx\n",
		"evil/prompt.js":                 "module.exports = {}\n",
		"evil/template.yml":              "variables: {}\n",
	})
	dir := filepath.Join(top, "proj")
	for link, target := range map[string]string{
		"_templates/mixed/new/z.t":        "evil/file.t",
		"_templates/hooked/new/prompt.js": "evil/prompt.js",
		"_templates/yml/template.yml":     "evil/template.yml",
		"_templates/linked":               "evil",
	} {
		if err := os.Symlink(filepath.Join(top, target), filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"../../evil", "x"},
		{"gen", "../../../evil/x"},
		{"linked", "x"},
		{"gen", "new", "--actionfolder", "../evil/x"},
		{"mixed", "new"},
		{"hooked", "new"},
		{"yml", "new"},
	} {
		e := New(Config{Cwd: dir, ConfineTemplates: true, Getenv: func(string) string { return "" }})
		_, err := e.Run(context.Background(), args)
		var ue *UsageError
		if !errors.Is(err, ErrOutside) || !errors.As(err, &ue) {
			t.Errorf("%q: %v, want a usage error that is ErrOutside", args, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "evil.txt")); err == nil {
		t.Error("evil.txt written by a refused run")
	}
}
