package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// JavaScript values that throw when hypergen reads them from Go (a thrown
// object whose toString throws, a getter, a Proxy's trap), in a template, a
// hook or .hygen.js, and in a template rendered on a second worker: each is
// an error naming what it can, exit 1, no Go panic and nothing written.
func TestThrowingValuesAreErrors(t *testing.T) {
	throwing := `{ toString() { throw new Error("inner") } }`
	for _, c := range []struct{ name, file, text string }{
		{"template", "_templates/a/new/x.t", "---\nto: out.txt\n---\n<% throw " + throwing + " %>\n"},
		{"frontmatter", "_templates/a/new/x.t", "---\nto: \"<%= (() => { throw " + throwing + " })() %>\"\n---\nhi\n"},
		{"second worker", "_templates/a/new/y9.t", "---\nto: out9.txt\n---\n<% throw " + throwing + " %>\n"},
		{"hook", "_templates/a/new/index.js", "module.exports = { params() { throw " + throwing + " } }\n"},
		{"hook answer getter", "_templates/a/new/index.js", `module.exports = { params() { return { get x() { throw new Error("g") } } } }` + "\n"},
		{"hook answer proxy", "_templates/a/new/index.js", `module.exports = { params() { return new Proxy({}, { ownKeys() { throw new Error("k") } }) } }` + "\n"},
		{"question type", "_templates/a/new/prompt.js", `module.exports = [{ type: { toString() { throw 1 } }, name: "x", message: "m" }]` + "\n"},
		{"config", ".hygen.js", "throw " + throwing + "\n"},
		{"config cwd", ".hygen.js", "module.exports = { cwd: " + throwing + " }\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"_templates/a/new/x.t": "---\nto: out.txt\n---\nhi\n"}
			for i := range 8 { // an action of several files renders on several workers
				files[fmt.Sprintf("_templates/a/new/y%d.t", i)] = fmt.Sprintf("---\nto: out%d.txt\n---\nhi\n", i)
			}
			files[c.file] = c.text
			dir := testfs.Tree(t, files)
			r := run(t, dir, []string{"GOMAXPROCS=4"}, "a", "new")
			if r.code != 1 || !strings.Contains(r.stderr, "hypergen: ") || strings.Contains(r.stderr, "goroutine") {
				t.Errorf("want exit 1 and an error; got %v", r)
			}
			if m, _ := filepath.Glob(filepath.Join(dir, "out*.txt")); len(m) > 0 {
				t.Errorf("written: %v", m)
			}
		})
	}
}

// An object that cannot be made a primitive is described as V8 describes it,
// not by goja's Go structure.
func TestUnconvertibleObjectMessage(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/a/new/x.t": "---\nto: out.txt\n---\n<%= { toString: null, valueOf: null } %>\n"})
	r := run(t, dir, nil, "a", "new")
	if r.code != 1 || !strings.Contains(r.stderr, "TypeError: Cannot convert object to primitive value") || strings.Contains(r.stderr, "goja") {
		t.Errorf("got %v", r)
	}
	// A template's own TypeError in similar words keeps its text.
	dir = testfs.Tree(t, map[string]string{"_templates/a/new/x.t": "---\nto: out.txt\n---\n<% throw new TypeError('Could not convert the amount to primitive') %>\n"})
	if r := run(t, dir, nil, "a", "new"); !strings.Contains(r.stderr, "TypeError: Could not convert the amount to primitive") {
		t.Errorf("the template's own TypeError: %v", r)
	}
}

// Errors in a hook or .hygen.js name the line as a template's do: an
// exception at the line it was thrown, a file that ends inside a block at
// its last line with Node's "Unexpected end of input" (it named a line past
// the end and a ")" of the module wrapper).
func TestHookErrorLines(t *testing.T) {
	for _, c := range []struct{ name, file, text, want string }{
		{"exception in params", "_templates/a/new/index.js", "module.exports = {\n  params() {\n    const x = 1\n    return nope + x\n  }\n}\n",
			"_templates/a/new/index.js:4: ReferenceError: nope is not defined"},
		{"unclosed block", ".hygen.js", "{", "hypergen: .hygen.js:1: SyntaxError: Unexpected end of input\n"},
		{"unclosed call", "_templates/a/new/index.js", "module.exports = {\n  params: () => f(1,\n",
			"hypergen: _templates/a/new/index.js:3: SyntaxError: Unexpected end of input\n"},
		{"in a file the hook requires", "_templates/a/new/index.js", "module.exports = require('../../../lib/helper.js')\n",
			"hypergen: _templates/a/new/index.js: SyntaxError: lib/helper.js:2: Unexpected end of input\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"_templates/a/new/x.t": "---\nto: out.txt\n---\nhi\n", c.file: c.text,
				"lib/helper.js": "module.exports = {\n"})
			r := run(t, dir, nil, "a", "new")
			if r.code != 1 || !strings.Contains(r.stderr, c.want) {
				t.Errorf("want exit 1 and %q; got %v", c.want, r)
			}
			if strings.Contains(r.stderr, dir) {
				t.Errorf("the error names the file a second time, by its full path: %v", r)
			}
		})
	}
}
