package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// specTree is a generator with a template.yml, and a generator named like
// the list command.
var specTree = map[string]string{
	"_templates/comp/template.yml": `name: comp
description: A UI component
category: frontend
tags: [react, ui]
variables:
  name: {type: string, required: true, pattern: "^[A-Z]", description: Component name}
  style: {type: enum, values: [css, scss], default: css}
  count: {type: number, min: 1, max: 9}
  tests: {type: boolean, default: true, description: Write a test file}
`,
	"_templates/comp/new/c.t":      "---\nto: out/<%= name %>.<%= style %>\n---\n<%= name %> <%= typeof count %> <%= tests %>\n",
	"_templates/comp/story/s.t":    "---\nto: out/s.txt\n---\ns\n",
	"_templates/list/run/l.t":      "---\nto: out/l.txt\n---\nl\n",
	"_templates/list/template.yml": "description: a generator that shadows the list command\n",
}

func TestSpecValidatesAndDefaults(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string            // substring of stderr
		files  map[string]string // expected files below out/
	}{
		{"defaults", []string{"comp", "new", "Button"}, ExitOK, "", map[string]string{"Button.css": "Button undefined true\n"}},
		{"converted flags", []string{"comp", "new", "Card", "--tests", "false", "--count", "3", "--style", "scss"}, ExitOK, "", map[string]string{"Card.scss": "Card number false\n"}},
		{"missing required", []string{"comp", "new"}, ExitUsage, "invalid input for comp (see _templates/comp/template.yml, or 'hypergen help comp'): name is required (--name STRING)", nil},
		{"several problems", []string{"comp", "new", "card", "--count", "10", "--style", "less"},
			ExitUsage, `name must match /^[A-Z]/, got "card"; style must be one of css, scss, got "less"; count must be at most 9, got 10`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, specTree)
			code, _, errOut := runCLI(t, dir, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.stderr)
			}
			entries, _ := os.ReadDir(filepath.Join(dir, "out"))
			if len(entries) != len(tt.files) {
				t.Fatalf("out/ has %d files, want %d", len(entries), len(tt.files))
			}
			for name, want := range tt.files {
				got, err := os.ReadFile(filepath.Join(dir, "out", name))
				if err != nil || string(got) != want {
					t.Errorf("out/%s = %q (%v), want %q", name, got, err, want)
				}
			}
		})
	}
}

func TestHelpGenerator(t *testing.T) {
	dir := testfs.Tree(t, specTree)
	var got strings.Builder
	for _, name := range []string{"comp", "list"} {
		code, out, errOut := runCLI(t, dir, "help", name)
		if code != ExitOK {
			t.Fatalf("help %s: exit %d: %s", name, code, errOut)
		}
		got.WriteString("$ hypergen help " + name + "\n" + out)
	}
	golden := filepath.Join("testdata", "help-generator.golden")
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
		t.Errorf("help differs from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got.String())
	}
}

func TestDiscoverFindsHypergenFolders(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":                         "module.exports = { templates: __dirname + '/tools/gens' }",
		"tools/gens/a/new/a.t":              "",
		"_templates/b/new/b.t":              "",
		"generators/c/new/c.t":              "",
		".hypergen/generators/d/new/d.t":    "",
		"packages/web/generators/e/new/e.t": "",
		"apps/api/generators/f/new/f.t":     "",
		"packages/nogens/src/index.js":      "",
	})
	code, out, errOut := runCLI(t, dir, "discover", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Roots []struct {
			Source     string
			Active     bool
			Generators []struct{ Name string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, r := range got.Roots {
		s := r.Source + ":" + r.Generators[0].Name
		if r.Active {
			s += "*"
		}
		summary = append(summary, s)
	}
	want := ".hygen.js templates:a* ./_templates:b ./generators:c ./.hypergen/generators:d workspace ./packages/web/generators:e workspace ./apps/api/generators:f"
	if strings.Join(summary, " ") != want {
		t.Errorf("roots = %s\nwant    %s", strings.Join(summary, " "), want)
	}
}
