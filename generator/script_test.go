package generator

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// questions is a hook asking three questions, one with an initial value.
var questions = map[string]string{
	"_templates/q/new/prompt.js": `module.exports = [
		{ type: 'input', name: 'title', message: 'Title?' },
		{ type: 'select', name: 'kind', message: 'Kind?', choices: ['lib', 'app'], initial: 1 },
		{ type: 'confirm', name: 'ok', message: 'OK?', validate: (v) => v === true || 'must be yes' },
	]`,
	"_templates/q/new/out.t": "---\nto: out.txt\n---\n<%= title %> <%= kind %> <%= ok %>\n",
}

func runWith(t *testing.T, dir string, cfg Config, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cfg.Cwd, cfg.Stdout = dir, &out
	cfg.Getenv = func(string) string { return "" }
	_, err := New(cfg).Run(context.Background(), args)
	return out.String(), err
}

func TestHookAnswersWithoutTerminal(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		args    []string
		want    string // out.txt, or the error text
		wantErr bool
	}{
		{"answers file, flags and initial", Config{Answers: map[string]any{"title": "T", "ok": true}}, nil, "T app true\n", false},
		{"a flag keeps its question from being asked", Config{Answers: map[string]any{"ok": true}}, []string{"--title", "F"}, "F app true\n", false},
		{"missing answer", Config{Answers: map[string]any{"ok": true}}, nil, `question "title" (Title?) has no answer and stdin is not a terminal: pass --title VALUE`, true},
		{"invalid answer", Config{Answers: map[string]any{"title": "T", "ok": false}}, nil, `question "ok" (OK?): the --answers value is not valid: must be yes`, true},
		{"a flag not among a select's choices", Config{Answers: map[string]any{"title": "T", "ok": true}}, []string{"--kind", "cli"},
			`question "kind" (Kind?): --kind is not valid: "cli" is not one of the choices (lib, app)`, true},
		{"an --answers value not among the choices", Config{Answers: map[string]any{"title": "T", "kind": "web", "ok": true}}, nil,
			`question "kind" (Kind?): the --answers value is not valid: "web" is not one of the choices (lib, app)`, true},
		{"a confirm answered with text", Config{Answers: map[string]any{"title": "T", "ok": "sure"}}, nil,
			`question "ok" (OK?): the --answers value is not valid: "sure" is not yes or no`, true},
		{"asked", Config{Ask: func(q Question) (any, error) {
			return map[string]any{"title": "A", "kind": "lib", "ok": true}[q.Name], nil
		}}, nil, "A lib true\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, questions)
			_, err := runWith(t, dir, tt.cfg, append([]string{"q", "new"}, tt.args...)...)
			files := snapshot(t, dir)
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "prompt.js") {
					t.Fatalf("err = %v, want one naming prompt.js and containing %q", err, tt.want)
				}
				if _, ok := files["out.txt"]; ok {
					t.Error("a failed hook still wrote out.txt")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if files["out.txt"] != tt.want {
				t.Errorf("out.txt = %q, want %q", files["out.txt"], tt.want)
			}
		})
	}
}

func TestProjectConfigErrors(t *testing.T) {
	tests := []struct{ name, config, want string }{
		{"syntax error", "module.exports = {", ".hygen.js:1: SyntaxError: Unexpected end of input"},
		{"throws", "throw new Error('broken config')", ".hygen.js: Error: broken config"},
		{"templates not a string", "module.exports = { templates: 42 }", ".hygen.js: templates is 42, not a string"},
		{"npm require", "require('lodash')", ".hygen.js: Error: Cannot find module 'lodash'\nRequire stack:"},
		{"npm require hint", "require('lodash')", `(package "lodash" is not installed in a node_modules folder above`},
		{"helpers throw", "module.exports = { helpers: () => { throw new Error('no helpers') } }", ".hygen.js: helpers: Error: no helpers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{
				".hygen.js":          tt.config,
				"_templates/g/a/x.t": "---\nto: x.txt\n---\nx\n",
			})
			_, err := runWith(t, dir, Config{}, "g", "a")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if _, ok := snapshot(t, dir)["x.txt"]; ok {
				t.Error("x.txt written despite the error")
			}
		})
	}
}

func TestConfigFoundUpward(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":                  "module.exports = { templates: __dirname + '/gens', localsDefaults: { who: 'parent' } }",
		"gens/g/a/x.t":               "---\nto: x.txt\n---\n<%= who %>\n",
		"sub/project/placeholder.md": "",
	})
	if _, err := runWith(t, dir+"/sub/project", Config{}, "g", "a"); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dir)["sub/project/x.txt"]; got != "parent\n" {
		t.Errorf("x.txt = %q, want the parent's localsDefaults", got)
	}
}

// A cwd in .hygen.js moves where targets go, as hygen's config.cwd does;
// a confined run (the agent's) may not move it, and a cwd that is not a
// folder is an error naming the file.
func TestConfigCwd(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":          "module.exports = { cwd: require('path').join(__dirname, 'app') }",
		"_templates/g/a/x.t": "---\nto: out.txt\n---\nx\n",
		"app/.keep":          "",
	})
	if _, _, err := run(t, dir, nil, "g", "a"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "app", "out.txt")); err != nil || string(b) != "x\n" {
		t.Errorf("app/out.txt = %q, %v", b, err)
	}
	e := New(Config{Cwd: dir, ConfineTemplates: true, DenyShell: true, Getenv: func(string) string { return "" }})
	_, err := e.Run(context.Background(), []string{"g", "a", "--name", "n"})
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "sets cwd to "+filepath.Join(dir, "app")+"; requests write only in "+dir) {
		t.Errorf("confined run: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".hygen.js"), []byte("module.exports = { cwd: 'missing' }"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, dir, nil, "g", "a"); err == nil || !strings.Contains(err.Error(), ".hygen.js: cwd "+filepath.Join(dir, "missing")+" is not a folder") {
		t.Errorf("missing cwd: %v", err)
	}
}

// A prompt() hook gets the prompter .hygen.js's createPrompter makes; one
// that returns no object is an error naming it.
func TestConfigCreatePrompter(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":               "module.exports = { createPrompter: () => ({ prompt: (qs) => ({ color: 'fake ' + qs[0].name }) }) }",
		"_templates/g/a/index.js": "module.exports = { prompt: ({ prompter, inquirer }) => prompter === inquirer && prompter.prompt([{ type: 'input', name: 'c', message: 'C?' }]) }",
		"_templates/g/a/x.t":      "---\nto: out.txt\n---\n<%= color %>\n",
	})
	if _, _, err := run(t, dir, nil, "g", "a"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "out.txt")); err != nil || string(b) != "fake c\n" {
		t.Errorf("out.txt = %q, %v", b, err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".hygen.js"), []byte("module.exports = { createPrompter: () => 42 }"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, dir, nil, "g", "a"); err == nil || !strings.Contains(err.Error(), "createPrompter in .hygen.js returned 42, not a prompter object") {
		t.Errorf("err = %v", err)
	}
}

// A rejected exec fails the run naming .hygen.js, unless sh_ignore_exit.
func TestConfigExecFailure(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":          "module.exports = { exec: () => Promise.reject(new Error('refused')) }",
		"_templates/g/a/x.t": "---\nsh: echo hi\n---\n",
		"_templates/g/b/x.t": "---\nsh: echo hi\nsh_ignore_exit: true\n---\n",
	})
	if _, _, err := run(t, dir, nil, "g", "a"); err == nil || !strings.Contains(err.Error(), `sh "echo hi" failed: `) || !strings.Contains(err.Error(), ".hygen.js: exec: Error: refused") {
		t.Errorf("err = %v", err)
	}
	if _, _, err := run(t, dir, nil, "g", "b"); err != nil {
		t.Errorf("sh_ignore_exit: %v", err)
	}
	// hygen logs the stderr of what exec threw or rejected with on stdout
	// ("undefined" without one), as for its own exec (bytes checked against
	// hygen 6.2.11).
	for exec, want := range map[string]string{
		"() => { const e = new Error('x'); e.stderr = 'custom-stderr'; throw e }":     "custom-stderr\n",
		"async () => { const e = new Error('x'); e.stderr = 'rejected\\n'; throw e }": "rejected\n\n",
		"() => { throw new Error('plain') }":                                          "undefined\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, ".hygen.js"), []byte("module.exports = { exec: "+exec+" }"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, out, err := run(t, dir, nil, "g", "a"); err == nil || !strings.HasSuffix(out, "templates\n"+want) {
			t.Errorf("exec %s: err %v, stdout %q, want it to end with %q", exec, err, out, want)
		}
	}
}

// A failed sh: command's stderr is a line of hygen's output, on stdout
// (one final line break stripped, an empty line when there is none), and
// the files after it are not written.
func TestShellFailureOutput(t *testing.T) {
	for _, c := range []struct{ command, want string }{
		{`echo oops >&2; exit 2`, "oops\n"},
		{`printf 'two\nlines\r\n' >&2; exit 3`, "two\nlines\n"},
		{`exit 4`, "\n"},
	} {
		dir := testfs.Tree(t, map[string]string{
			"_templates/g/a/1.t": "---\nto: a.txt\n---\na\n",
			"_templates/g/a/2.t": "---\nsh: " + c.command + "\n---\n",
			"_templates/g/a/3.t": "---\nto: c.txt\n---\nc\n",
		})
		out, err := runWith(t, dir, Config{}, "g", "a")
		if err == nil || !strings.HasSuffix(out, "added: a.txt\n"+c.want) {
			t.Errorf("sh: %s: err %v, stdout %q, want it to end with the command's stderr %q", c.command, err, out, c.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "c.txt")); err == nil {
			t.Errorf("sh: %s: c.txt written after the failure", c.command)
		}
	}
}

// An error from Config.Ask reaches the caller as itself, as one from
// Config.Prompt does, through an array hook and a prompt() call: a caller
// whose Ask returns context.Canceled on Ctrl-C must be able to tell.
func TestAskErrorKeepsItsIdentity(t *testing.T) {
	sentinel := errors.New("asking was interrupted")
	for name, hook := range map[string]string{
		"question array":      questions["_templates/q/new/prompt.js"],
		"prompt call":         "module.exports = { prompt: ({ prompter }) => prompter.prompt({ type: 'input', name: 'title', message: 'Title?' }) }",
		"awaited, not caught": "module.exports = { prompt: async ({ prompter }) => { const a = await prompter.prompt({ type: 'input', name: 'title', message: 'Title?' }); return a } }",
	} {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"_templates/q/new/prompt.js": hook, "_templates/q/new/out.t": questions["_templates/q/new/out.t"]})
			_, err := runWith(t, dir, Config{Ask: func(Question) (any, error) { return nil, sentinel }}, "q", "new")
			if !errors.Is(err, sentinel) || !strings.Contains(err.Error(), "prompt.js: asking was interrupted") {
				t.Errorf("err = %v, want the Ask error in the chain, named after prompt.js", err)
			}
		})
	}
}

// A hook that makes a flag's array enormous in place is left as it was,
// not copied: setting args.tag.length to 2**32-1 made the copy allocate
// 64 GiB and killed the process (the agent with it), and one long string
// pushed many times, cheap in JavaScript, took a copy each.
func TestHookHugeNestedArrayIsNotCopied(t *testing.T) {
	for _, hook := range []string{
		"args.tag.length = 2 ** 32 - 1",
		"const s = 'é'.repeat(4096); for (let i = 0; i < 60000; i++) args.tag.push(s)",
	} {
		dir := testfs.Tree(t, map[string]string{
			"_templates/g/new/index.js": "module.exports = { params: ({ args }) => { " + hook + "; return {} } }\n",
			"_templates/g/new/a.t":      "---\nto: out.txt\n---\n<%= tag.length %>\n",
		})
		if _, _, err := run(t, dir, nil, "g", "new", "--tag", "a", "--tag", "b"); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(b) != "2\n" {
			t.Errorf("%s: out.txt = %q, want the command line's 2 items", hook, b)
		}
	}
}

// TestHookQuestionsAsEnquirer runs question arrays and prompt() hooks whose
// functions use what enquirer gives them, with no terminal (each question
// takes its initial value). Each want is hygen 6.2.11's file for the same
// hook and command, its questions answered with Enter.
func TestHookQuestionsAsEnquirer(t *testing.T) {
	tests := []struct {
		name, hook string
		args       []string
		want       string
	}{
		{"initial(prompt) and skip() on the prompt see the answers so far", `module.exports = [
			{ type: 'input', name: 'a', message: 'a', initial: 'one' },
			{ type: 'input', name: 'b', message: 'b', initial: (prompt) => prompt.state.answers.a + '-derived' },
			{ type: 'input', name: 'c', message: 'c', initial: 'skipped', skip() { return this.state.answers.a === 'one' } },
		]`, nil, `{"a":"one","b":"one-derived","c":"skipped"}`},
		{"result() maps choice names to values on the prompt", `module.exports = [
			{ type: 'multiselect', name: 'a', message: 'Features?', initial: [0, 1],
			  choices: [{ name: 'Auth', value: 'auth' }, { name: 'Billing', value: 'billing' }, { name: 'Chat', value: 'chat' }],
			  result(names) { return this.map(names) } },
			{ type: 'select', name: 'b', message: 'DB?', initial: 1,
			  choices: [{ name: 'Postgres', value: 'pg' }, { name: 'MySQL', value: 'mysql' }], result() { return this.focused.value } },
		]`, nil, `{"a":{"Auth":"auth","Billing":"billing"},"b":"mysql"}`},
		{"an async result is awaited; an async validate may await", `module.exports = [
			{ type: 'input', name: 'a', message: 'a', initial: 'one', result: async (v) => v + '!' },
			{ type: 'input', name: 'b', message: 'b', initial: 'two', validate: async (v) => { await null; return v.length > 1 } },
		]`, nil, `{"a":"one!","b":"two"}`},
		{"a type function decides; a falsy one skips the question", `module.exports = [
			{ type: 'confirm', name: 'a', message: 'API?', initial: true },
			{ type: (q, answers) => answers.a ? 'input' : null, name: 'b', message: 'Endpoint?', initial: '/api/items' },
			{ type: () => null, name: 'c', message: 'Never?', initial: 'x' },
		]`, nil, `{"a":true,"b":"/api/items"}`},
		{"prompter.prompt in a hook: an initial that awaits I/O", `const fs = require('fs')
			module.exports = { prompt: ({ prompter }) => prompter.prompt([
				{ type: 'input', name: 'a', message: 'Package?', initial: async () => JSON.parse(await fs.promises.readFile('pkg.json', 'utf8')).name },
				{ type: 'input', name: 'b', message: 'b', initial: 'two', validate: async (v) => { await null; return v === 'two' } },
			]) }`, nil, `{"a":"my-pkg","b":"two"}`},
		{"the prompt's enquirer has the answers so far, and is this in a type function", `module.exports = [
			{ type: 'input', name: 'a', message: 'a', initial: 'one' },
			{ type: 'input', name: 'b', message: 'b', initial: (prompt) => prompt.enquirer.answers.a + 'Element' },
			{ type: function () { return this.answers.a === 'one' ? 'input' : null }, name: 'c', message: 'c', initial: 'typed' },
		]`, nil, `{"a":"one","b":"oneElement","c":"typed"}`},
		{"an empty flag does not answer its question", `module.exports = [
			{ type: 'input', name: 'a', message: 'Title?', initial: 'dflt' },
			{ type: 'list', name: 'b', message: 'Tags?', initial: 'x, y' },
		]`, []string{"--a", "", "--b", ""}, `{"a":"dflt","b":["x","y"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{
				"pkg.json":                   `{"name": "my-pkg"}`,
				"_templates/q/new/prompt.js": tt.hook,
				"_templates/q/new/out.t":     "---\nto: out.json\n---\n<%- JSON.stringify({ a: locals.a, b: locals.b, c: locals.c }) %>",
			})
			if _, err := runWith(t, dir, Config{}, append([]string{"q", "new"}, tt.args...)...); err != nil {
				t.Fatal(err)
			}
			if got := snapshot(t, dir)["out.json"]; got != tt.want {
				t.Errorf("out.json = %s, want %s", got, tt.want)
			}
		})
	}
}

// A generator that does not exist, in a tree that cannot be listed (a link
// that loops back into it), says why the list is missing, not that the
// tree has no generators.
func TestNotFoundSaysWhyTheListIsMissing(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/g/new/a.t": "---\nto: x.txt\n---\nok\n"})
	if err := os.MkdirAll(filepath.Join(dir, "_templates/g/deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../g", filepath.Join(dir, "_templates/g/deep/g")); err != nil {
		t.Fatal(err)
	}
	_, err := runWith(t, dir, Config{}, "nosuch", "new")
	if err == nil || !strings.Contains(err.Error(), "the generators could not be listed") || strings.Contains(err.Error(), "it has no generators") {
		t.Errorf("err = %v", err)
	}
}

// A library caller's answer that holds itself is an error naming the
// question, where it ended the host with a stack overflow.
func TestCyclicAnswerIsAnError(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/q/new/prompt.js": "module.exports = [{ type: 'input', name: 'x', message: 'X?' }]",
		"_templates/q/new/out.t":     "---\nto: out.txt\n---\n<%= x %>\n",
	})
	m := map[string]any{}
	m["self"] = m
	_, err := runWith(t, dir, Config{Answers: map[string]any{"x": m}}, "q", "new")
	if err == nil || !strings.Contains(err.Error(), `question "x"`) || !strings.Contains(err.Error(), "levels deep") {
		t.Errorf("err = %v", err)
	}
}

// A multiselect's object initial, as a hook gives it (a JavaScript object,
// not the Go model), is taken by its keys, and checked; an object inside an
// initial array is enabled as it is (nothing chosen), not refused. The
// wants are hygen 6.2.11's, its question answered with Enter.
func TestMultiselectObjectInitialFromAHook(t *testing.T) {
	for _, c := range []struct{ initial, want, wantErr string }{
		{"{b: true}", `["b"]`, ""},
		{"[{ name: 'b' }]", `[]`, ""},
		{"{zzz: true}", "", `its initial value names "zzz"`},
	} {
		dir := testfs.Tree(t, map[string]string{
			"_templates/g/new/prompt.js": "module.exports = [{ type: 'multiselect', name: 'v', message: 'm', initial: " + c.initial + ", choices: ['a', 'b'] }]",
			"_templates/g/new/a.t":       "---\nto: out.txt\n---\n<%- JSON.stringify(locals.v) %>",
		})
		_, err := runWith(t, dir, Config{}, "g", "new")
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("initial %s: err = %v, want %q", c.initial, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("initial %s: %v", c.initial, err)
		}
		if got := snapshot(t, dir)["out.txt"]; got != c.want {
			t.Errorf("initial %s: out.txt = %s, want %s", c.initial, got, c.want)
		}
	}
}
