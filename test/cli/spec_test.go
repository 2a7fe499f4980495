package cli

import (
	"os"
	"path/filepath"
	"strings"
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

// TestSpecTakesScriptListsAndObjects: an array or object variable takes the
// arrays and objects of scripts (a list question's answer, a params hook,
// .hygen.js localsDefaults), checked as what they hold; every one of them
// was refused ("must be a list (a,b,c), got [object Object]"), so only the
// command line could give such a variable.
func TestSpecTakesScriptListsAndObjects(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":                    "module.exports = { localsDefaults: { meta: { k: 1, nested: [true] } } }\n",
		"_templates/app/template.yml":  "variables:\n  tags: {type: array, min: 2}\n  meta: {type: object}\n",
		"_templates/app/new/prompt.js": "module.exports = [{ type: 'list', name: 'tags', message: 'Tags?' }]\n",
		"_templates/app/new/a.ejs.t":   "---\nto: out.txt\n---\n<%- JSON.stringify(tags) %> <%- JSON.stringify(meta) %>\n",
		"_templates/app/one/index.js":  "module.exports = { params: () => ({ tags: ['x'], meta: ['not', 'an', 'object'] }) }\n",
		"_templates/app/one/a.ejs.t":   "---\nto: one.txt\n---\n<%= tags %>\n",
		"answers.json":                 `{"tags": ["a", "b"]}`,
	})
	r := run(t, dir, nil, "app", "new", "--answers", "answers.json")
	if r.code != 0 {
		t.Fatal(r)
	}
	got, err := os.ReadFile(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `["a","b"] {"k":1,"nested":[true]}` + "\n"; string(got) != want {
		t.Errorf("the template saw %q, want %q", got, want)
	}

	r = run(t, dir, nil, "app", "one")
	for _, want := range []string{"tags number of items must be at least 2, got 1", "meta must be an object, got not,an,object"} {
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("a params hook's short list and an array for an object: want exit 2 saying %q\n%v", want, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "one.txt")); err == nil {
		t.Error("one.txt was written from refused input")
	}
}

// A template.yml variable named ts was shown by help with its default,
// and the runs used the timestamp instead; the run now stops on the
// file, naming the variable, and writes nothing.
func TestSpecRefusesAVariableNamedAsABuiltinLocal(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/app/template.yml": "variables:\n  ts: {type: number, default: 5}\n",
		"_templates/app/new/a.ejs.t":  "---\nto: out.txt\n---\n<%= ts %>\n",
	})
	for _, args := range [][]string{{"app", "new"}, {"help", "app"}} {
		r := run(t, dir, nil, args...)
		if r.code != 1 || !strings.Contains(r.stderr, `variable "ts": every run sets this local itself`) {
			t.Errorf("%v: %v; want exit 1 naming the variable", args, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.txt")); !os.IsNotExist(err) {
		t.Errorf("out.txt: %v; want nothing written", err)
	}
}
