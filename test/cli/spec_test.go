package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestSpecVariablesTakeWhatWasTyped: a template.yml string, enum or array
// variable gets the text typed on the command line, which yargs turns into
// a number (--version 1.10 was 1.1, and the enum value "1.10" could not be
// chosen); a number variable takes a number given as text, as a hook's
// input question gives it.
func TestSpecVariablesTakeWhatWasTyped(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/app/template.yml": "variables:\n  version: {type: string, pattern: '^[0-9]+\\.[0-9]+$'}\n" +
			"  tag: {type: enum, values: ['1.10', '1.9']}\n  arr: {type: array}\n  count: {type: number, min: 1}\n",
		"_templates/app/new/prompt.js": "module.exports = [{ type: 'input', name: 'count', message: 'How many?' }]\n",
		"_templates/app/new/a.ejs.t":   "---\nto: out.txt\n---\n<%= version %> <%= tag %> <%- JSON.stringify(arr) %> <%= count + 1 %>\n",
		"answers.json":                 `{"count": "5"}`,
	})
	r := run(t, dir, nil, "app", "new", "--version", "2.0", "--tag", "1.10", "--arr", "2.50", "--arr", "3.0", "--answers", "answers.json")
	if r.code != 0 {
		t.Fatal(r)
	}
	got, err := os.ReadFile(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "2.0 1.10 [\"2.50\",\"3.0\"] 6\n"; string(got) != want {
		t.Errorf("the template saw %q, want %q", got, want)
	}
}
