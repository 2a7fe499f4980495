package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// inquirerProject is a hook that asks inquirer's common question types,
// with the inquirer package installed (its files stand for inquirer 8: a
// hook's require of it gets hypergen's stand-in).
func inquirerProject(t *testing.T) string {
	return testfs.Tree(t, map[string]string{
		"node_modules/inquirer/package.json":    `{"name": "inquirer", "version": "8.2.6", "main": "lib/inquirer.js"}`,
		"node_modules/inquirer/lib/inquirer.js": "throw new Error('the real inquirer needs readline')\n",
		"_templates/service/new/index.js": `const inquirer = require('inquirer')
module.exports = {
  params: async () => {
    const answers = await inquirer.prompt([
      { type: 'input', name: 'name', message: 'Service name?', default: 'billing' },
      { type: 'list', name: 'runtime', message: 'Runtime?', default: 'go126',
        choices: [{ name: 'Node.js 20', value: 'node20' }, new inquirer.Separator(), { name: 'Go 1.26', value: 'go126' }] },
      { type: 'checkbox', name: 'features', message: 'Features?', choices: [{ name: 'Metrics', value: 'metrics', checked: true },
        { name: 'Tracing', value: 'tracing' }, { name: 'Profiling', value: 'profiling', checked: true }] },
      { type: 'confirm', name: 'public', message: 'Public?' },
      { type: 'number', name: 'port', message: 'Port?', default: 8080 },
      { type: 'input', name: 'owner', message: 'Owner?', default: 'nobody', when: (a) => !a.public,
        filter: (v) => v.trim().toLowerCase(), validate: (v) => v === v.trim() || 'validate saw the unfiltered ' + JSON.stringify(v) },
    ])
    return { summary: JSON.stringify(answers) }
  },
}
`,
		"_templates/service/new/out.t": "---\nto: answers.json\n---\n<%- summary %>\n",
	})
}

// TestHookRequiresInquirer: a hook asking with the inquirer package gets
// the answers inquirer gives. Without a terminal, the defaults: the same
// answers hygen 6.2.11 with inquirer 8.2.6 gave for this hook when every
// question was answered with enter at a terminal (run by hand here
// through a pseudo-terminal; differential case 192 checks one list
// question with piped input). With flags, the flags' values, choices by
// their values, and a question its when now asks, whose validate sees
// the answer as its filter made it, as inquirer's does.
func TestHookRequiresInquirer(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"defaults", nil, `{"name":"billing","runtime":"go126","features":["metrics","profiling"],"public":true,"port":8080}`},
		{"flags", []string{"--runtime", "node20", "--features", "tracing", "--public", "no", "--port", "9090", "--owner", " Ops "},
			`{"name":"billing","runtime":"node20","features":["tracing"],"public":false,"port":9090,"owner":"ops"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := inquirerProject(t)
			r := runStdin(t, dir, nil, append([]string{"service", "new"}, tc.args...)...)
			if r.code != 0 {
				t.Fatal(r)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "answers.json"))
			if strings.TrimSpace(string(got)) != tc.want {
				t.Errorf("answers %s\nwant    %s", got, tc.want)
			}
		})
	}
}

// TestInquirerChoiceMustBeOne: a flag naming no choice's value fails the
// run, naming the question and the values it takes, and writes nothing.
func TestInquirerChoiceMustBeOne(t *testing.T) {
	dir := inquirerProject(t)
	r := runStdin(t, dir, nil, "service", "new", "--runtime", "java")
	if r.code == 0 || !strings.Contains(r.stderr, "runtime") || !strings.Contains(r.stderr, "node20") {
		t.Fatalf("want a failure naming the question and its choices; got %v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "answers.json")); err == nil {
		t.Error("answers.json written despite the refused answer")
	}
}
