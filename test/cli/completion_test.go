package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// The bash script, loaded into a real bash, registers itself and completes
// commands, perf subcommands and their flags, generators, actions,
// template.yml variables and enum values (COMP_WORDS as bash sets them).
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to test the bash completion script: ", err)
	}
	dir := project(t)
	complete := bashCompleter(t, bash, dir)
	for _, tt := range []struct {
		words []string
		want  string
	}{
		{[]string{"li"}, "list"},
		{[]string{"comp"}, "completion\ncomponent"},
		{[]string{"perf", "bench"}, "benchmark"},
		{[]string{"perf", "benchmark", "--iter"}, "--iterations"},
		{[]string{"list", "--j"}, "--json"},
		{[]string{"component", ""}, "new\nstory"},
		{[]string{"component", "new", "Button", "--st"}, "--style"},
		{[]string{"component", "new", "--style", ""}, "css\nscss"},
		{[]string{"component", "new", "--style", "=", ""}, "css\nscss"}, // bash splits --style= at its =
		{[]string{"component", "new", "--d"}, "--dry"},
		{[]string{"help", "pa"}, "page"},
		{[]string{"help", "perf", "bench"}, "benchmark"},
		{[]string{"perf", "help", "bench"}, "benchmark"},
		{[]string{"completion", "f"}, "fish"},
	} {
		if got := strings.Join(complete(tt.words...), "\n"); got != tt.want {
			t.Errorf("complete %q = %q, want %q", tt.words, got, tt.want)
		}
	}
}

// bashCompleter loads the bash script into a real bash in dir and returns
// a function that completes words there, as bash sets COMP_WORDS, giving
// what the script puts in COMPREPLY.
func bashCompleter(t *testing.T, bash, dir string) func(words ...string) []string {
	r := run(t, dir, nil, "completion", "bash")
	if r.code != 0 {
		t.Fatal(r)
	}
	script := filepath.Join(t.TempDir(), "hypergen.bash")
	if err := os.WriteFile(script, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	return func(words ...string) []string {
		t.Helper()
		// COMP_WORDS[0] is the binary's path, as when the user typed it.
		quoted := []string{"'" + bin + "'"}
		for _, w := range words {
			quoted = append(quoted, "'"+w+"'")
		}
		prog := "source '" + script + "'\ncomplete -p hypergen\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\n" +
			"COMP_CWORD=" + strconv.Itoa(len(words)) + "\n_hypergen\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
		cmd.Dir = dir
		cmd.Env = childEnv(t, dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if lines[0] != "complete -o default -F _hypergen hypergen" {
			t.Fatalf("complete -p hypergen = %q", lines[0])
		}
		return lines[1:]
	}
}

// Generator names that are shell syntax are completed quoted for the
// command line, and never globbed: 'x;touch PWNED' was put on the line as
// it is, and Enter ran touch; '*' completed to the folder's files.
func TestBashCompletionQuotesNames(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to test the bash completion script: ", err)
	}
	dir := t.TempDir()
	for _, name := range []string{"x;touch PWNED", "*", "y z"} {
		if err := os.MkdirAll(filepath.Join(dir, "_templates", name, "new"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "local-file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	complete := bashCompleter(t, bash, dir)
	if got := strings.Join(complete("x"), "\n"); got != `x\;touch\ PWNED` {
		t.Errorf("complete x = %q, want the name quoted", got)
	}
	got := complete("")
	for _, want := range []string{`\*`, `y\ z`} {
		if !slices.Contains(got, want) {
			t.Errorf("complete '' = %q, lacks %q", got, want)
		}
	}
	if slices.Contains(got, "local-file") {
		t.Errorf("complete '' = %q: a generator named * was globbed", got)
	}
}

// zsh and fish get their scripts; each calls the hidden __complete.
func TestCompletionScripts(t *testing.T) {
	dir := t.TempDir()
	for _, sh := range []string{"zsh", "fish"} {
		r := run(t, dir, nil, "completion", sh)
		if r.code != 0 || !strings.Contains(r.stdout, "__complete") {
			t.Errorf("%s: %v", sh, r)
		}
	}
	if r := run(t, dir, nil, "completion", "tcsh"); r.code != 2 || !strings.Contains(r.stderr, "bash, zsh or fish") {
		t.Errorf("tcsh: %v", r)
	}
}

// Tab runs none of the project's commands: completing in a checkout whose
// .hygen.js starts a child process ran it. The .hygen.js still runs, so a
// templates root it names without commands is completed from.
func TestCompletionRunsNoProjectCommands(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "ran")
	for name, config := range map[string]string{
		"command":    fmt.Sprintf("require('child_process').execSync('touch %s')\nmodule.exports = { templates: 'tpl' }\n", marker),
		"no command": "module.exports = { templates: 'tpl' }\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{".hygen.js": config, "tpl/widget/new/a.t": "---\nto: a.txt\n---\nx\n"})
			// A command's flags too: telling a command from a generator of
			// its name reads the templates root.
			if r := run(t, dir, nil, "__complete", "list", "--"); !strings.Contains(r.stdout, "--json") {
				t.Errorf("complete list -- = %q", r.stdout)
			}
			r := run(t, dir, nil, "__complete", "wid")
			if _, err := os.Stat(marker); err == nil {
				t.Fatal("completing ran the .hygen.js's command")
			}
			want := "widget"
			if name == "command" {
				want = "" // the .hygen.js fails without its command: no generators
			}
			if got := strings.TrimSpace(r.stdout); r.code != 0 || got != want {
				t.Errorf("exit %d, candidates %q, want %q\n%s", r.code, got, want, r)
			}
		})
	}
	dir := testfs.Tree(t, map[string]string{".hygen.js": fmt.Sprintf("require('child_process').execSync('touch %s')\nmodule.exports = { templates: 'tpl' }\n", marker),
		"tpl/widget/new/a.t": "---\nto: a.txt\n---\nx\n"})
	if r := run(t, dir, nil, "list"); r.code != 0 || !strings.Contains(r.stdout, "widget") {
		t.Errorf("list: %v", r)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Error("list, which is not a Tab, did not run the .hygen.js's command")
	}
}

// A variable's values are completed after `--style=` (as zsh and fish hand
// the word over, whole) and a boolean variable's true and false: both
// completed nothing.
func TestCompletionOfVariableValues(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/component/template.yml": "variables:\n  style: {type: enum, values: [css, scss]}\n  tests: {type: boolean}\n",
		"_templates/component/new/a.t":      "---\nto: a.txt\n---\na\n",
	})
	for _, tt := range []struct {
		words []string
		want  string
	}{
		{[]string{"component", "new", "--style="}, "--style=css\n--style=scss\n"},
		{[]string{"component", "new", "--style=sc"}, "--style=scss\n"},
		{[]string{"component", "new", "--tests", ""}, "false\ntrue\n"},
		{[]string{"component", "new", "--tests=t"}, "--tests=true\n"},
	} {
		if r := run(t, dir, nil, append([]string{"__complete"}, tt.words...)...); r.code != 0 || r.stdout != tt.want {
			t.Errorf("__complete %q: %v; want %q", tt.words, r, tt.want)
		}
	}
}
