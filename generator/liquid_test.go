package generator

import (
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestLiquidGolden runs a generator mixing Liquid and EJS templates and
// compares every file it leaves with testdata/liquid.golden.
func TestLiquidGolden(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/model/new/model.go.liquid.t": `---
to: models/{{ name | snakeCase }}.go
message: made {{ name | pascalCase }}
---
package models

// {{ name | pascalCase }} is stored in {{ name | tableize }} ({{ attributes.to }}).
type {{ name | pascalCase }} struct {
{%- for f in fields %}
	{{ f | pascalCase }} string
{%- endfor %}
}
{% if missing %}never{% endif %}
`,
		"_templates/model/new/register.liquid": `---
to: models/registry.go
inject: true
after: "// models"
---
	"{{ name | paramCase }}": {{ name | constantCase }},`,
		"_templates/model/new/readme.md.t": "---\nto: models/README.md\n---\n<%= h.changeCase.pascal(name) %> (EJS still works)\n",
		"models/registry.go":               "package models\n\nvar registry = map[string]int{\n// models\n}\n",
	})
	res, _, err := run(t, dir, nil, "model", "new", "invoice line", "--fields", "total amount", "--fields", "tax")
	if err != nil {
		t.Fatal(err)
	}
	// A repeated flag is an array, which the Liquid for loop walks.
	files := snapshot(t, dir)
	var got strings.Builder
	for _, k := range slices.Sorted(maps.Keys(files)) {
		got.WriteString("== " + k + "\n" + files[k])
	}
	got.WriteString("== messages\n" + strings.Join(res.Messages, "\n") + "\n")
	golden := filepath.Join("testdata", "liquid.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("result differs from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got.String())
	}
}

func TestLiquidErrorNamesTheLine(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/a/ok.liquid": "---\nto: ok.txt\n---\nok\n",
		"_templates/g/a/x.liquid":  "---\nto: x.txt\n---\nline 4\n{{ name | nosuchfilter }}\n",
	})
	_, _, err := run(t, dir, nil, "g", "a")
	if err == nil || !strings.Contains(err.Error(), "_templates/g/a/x.liquid:5: Liquid: undefined filter \"nosuchfilter\"") {
		t.Fatalf("err = %v", err)
	}
	if _, ok := snapshot(t, dir)["ok.txt"]; ok {
		t.Error("ok.txt written although another template failed")
	}
}

// A Liquid include is found next to its template, whatever folder the run
// starts in, and reads only what a `from:` file may: the templates root and
// the project, unless AllowOutside; the templates root alone for the
// agent (ConfineTemplates). One that leads outside, by its absolute name,
// by ".." from one of the folders it is looked for in or by a link, fails
// with ErrOutside (by ".." and by a link it once failed as "not found").
func TestLiquidIncludeConfined(t *testing.T) {
	root := testfs.Tree(t, map[string]string{
		"p/_templates/l/new/a.liquid":     "---\nto: out/a.txt\n---\n{% include '_part.liquid' %}",
		"p/_templates/l/new/_part.liquid": "part {{ name }}",
		"p/_templates/l/proj/a.liquid":    "---\nto: out/b.txt\n---\n{% include 'notes.txt' %}",
		"p/_templates/l/out/a.liquid":     "---\nto: out/c.txt\n---\n{% include '../../../../secret.txt' %}",
		"p/_templates/l/up/a.liquid":      "---\nto: out/c.txt\n---\n{% include '../secret.txt' %}",
		"p/_templates/l/link/a.liquid":    "---\nto: out/c.txt\n---\n{% include '_link.txt' %}",
		"p/_templates/l/missing/a.liquid": "---\nto: out/d.txt\n---\n{% include '_gone.liquid' %}",
		"p/notes.txt":                     "project notes",
		"secret.txt":                      "secret",
	})
	dir := filepath.Join(root, "p")
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, "_templates/l/link/_link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		action                  string
		confine, allow, outside bool
		want, errHas            string
	}{
		{action: "new", want: "part web"},
		{action: "new", confine: true, want: "part web"},
		{action: "proj", want: "project notes"},
		{action: "proj", confine: true, errHas: "not found where this run may read it"},
		{action: "out", outside: true, errHas: "outside the templates root and the project"},
		{action: "out", allow: true, want: "secret"},
		{action: "out", confine: true, outside: true, errHas: "outside the templates root"},
		{action: "up", outside: true, errHas: `include "../secret.txt": ` + filepath.Join(root, "secret.txt") + ": the file is outside the templates root and the project"},
		{action: "up", allow: true, want: "secret"},
		// From the templates root, ".." leads into the project, which the
		// agent may not read.
		{action: "up", confine: true, outside: true, errHas: `include "../secret.txt": ` + filepath.Join(dir, "secret.txt") + ": the file is outside the templates root"},
		{action: "link", outside: true, errHas: "_link.txt: the file is outside the templates root and the project"},
		{action: "link", allow: true, want: "secret"},
		{action: "missing", confine: true, errHas: "not found where this run may read it"},
	} {
		os.RemoveAll(filepath.Join(dir, "out"))
		e := New(Config{Cwd: dir, Stdout: io.Discard, Getenv: func(string) string { return "" }, ConfineTemplates: tc.confine, AllowOutside: tc.allow})
		res, err := e.Run(context.Background(), []string{"l", tc.action, "web"})
		if tc.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errHas) || tc.outside != errors.Is(err, ErrOutside) {
				t.Errorf("%+v: err = %v, want %q (ErrOutside: %v)", tc, err, tc.errHas, tc.outside)
			}
			continue
		}
		if err != nil || len(res.Ops) != 1 {
			t.Errorf("%+v: %v", tc, err)
			continue
		}
		if b, _ := os.ReadFile(filepath.Join(dir, res.Ops[0].Target)); string(b) != tc.want {
			t.Errorf("%+v: wrote %q, want %q", tc, b, tc.want)
		}
	}
}
