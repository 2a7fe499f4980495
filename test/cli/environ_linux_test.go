package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A template cannot write out a process's environment, which holds the
// credentials process.env leaves out, with --allow-outside either: not
// through a Liquid include, named or through a link in the project, nor as
// a from: file. Each printed the whole environment, as an EJS include()
// never did.
func TestTemplatesCannotReadTheEnvironment(t *testing.T) {
	for _, tt := range []struct{ name, template string }{
		{"liquid include", "---\nto: out.txt\n---\n{% include '/proc/self/environ' %}"},
		{"liquid include of a link", "---\nto: out.txt\n---\n{% include '../../../env.txt' %}"},
		{"from file", "---\nto: out.txt\nfrom: " + strings.Repeat("../", 40) + "proc/self/environ\n---\n"},
		{"ejs include of a link", "---\nto: out.txt\n---\n<%- include('DIR/env.txt') %>"},
	} {
		dir := testfs.Tree(t, map[string]string{"_templates/g/new/a.liquid.t": ""})
		tmpl := filepath.Join(dir, "_templates/g/new/a.liquid.t")
		if err := os.WriteFile(tmpl, []byte(strings.ReplaceAll(tt.template, "DIR", dir)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/proc/self/environ", filepath.Join(dir, "env.txt")); err != nil {
			t.Fatal(err)
		}
		r := run(t, dir, []string{"GITHUB_TOKEN=secret-value-9f3c"}, "g", "new", "--allow-outside")
		b, _ := os.ReadFile(filepath.Join(dir, "out.txt"))
		if r.code != 1 || !strings.Contains(r.stderr, "is a process's environment, which templates may not read") || strings.Contains(string(b)+r.stdout+r.stderr, "secret-value-9f3c") {
			t.Errorf("%s: want exit 1 refusing the environment, nothing written; wrote %d bytes\n%s", tt.name, len(b), r)
		}
	}
}
