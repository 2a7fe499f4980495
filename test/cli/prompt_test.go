package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// askAll is a hook asking one question of every type hygen users write, and
// a template printing each answer with its JavaScript type.
func askAll(hook string) map[string]string {
	return map[string]string{
		"_templates/q/new/prompt.js": hook,
		"_templates/q/new/out.t": "---\nto: out.txt\n---\n" +
			"<% for (const k of ['title','ok','count','kind','tags','color','items','flag','secret']) { -%>\n" +
			"<%= k %>=<%- JSON.stringify(locals[k]) %>\n<% } -%>\n",
	}
}

// questions are the nine questions; initial, when true, gives each an
// initial value.
func questions(initial bool) string {
	qs := []string{
		`{ type: 'input', name: 'title', message: 'Title?'%s }`,
		`{ type: 'confirm', name: 'ok', message: 'OK?'%s }`,
		`{ type: 'numeral', name: 'count', message: 'Count?'%s }`,
		`{ type: 'select', name: 'kind', message: 'Kind?', choices: ['lib', 'app', 'cli']%s }`,
		`{ type: 'multiselect', name: 'tags', message: 'Tags?', choices: ['a', { name: 'b', message: 'Bee' }, 'c']%s }`,
		`{ type: 'autocomplete', name: 'color', message: 'Color?', choices: ['red', 'green', 'blue']%s }`,
		`{ type: 'list', name: 'items', message: 'Items?'%s }`,
		`{ type: 'toggle', name: 'flag', message: 'Flag?'%s }`,
		`{ type: 'password', name: 'secret', message: 'Secret?'%s }`,
	}
	inits := []string{`'Hello'`, `true`, `3`, `1`, `['c', 0]`, `'blue'`, `'x, y'`, `false`, `'pw'`}
	for i := range qs {
		init := ""
		if initial {
			init = ", initial: " + inits[i]
		}
		qs[i] = strings.Replace(qs[i], "%s", init, 1)
	}
	return "[\n  " + strings.Join(qs, ",\n  ") + ",\n]"
}

const allInitials = `title="Hello"
ok=true
count=3
kind="app"
tags=["a","c"]
color="blue"
items=["x","y"]
flag=false
secret="pw"
`

// runStdin runs hypergen with stdin from a file (nil: an empty pipe).
func runStdin(t *testing.T, dir string, stdin *os.File, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.WaitDelay = time.Minute
	err := cmd.Run()
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		t.Fatal(err)
	}
	return result{cmd.ProcessState.ExitCode(), out.String(), errOut.String()}
}

// Without a terminal — stdin from /dev/null, a file or a pipe — every
// question takes its initial value, cast as enquirer casts it, and nothing
// waits. (/dev/null is a character device, which once passed for a
// terminal.)
func TestPromptsWithoutTerminalTakeInitials(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	file := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(file, []byte("not an answer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for name, stdin := range map[string]*os.File{"dev-null": null, "file": f, "pipe": nil} {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Tree(t, askAll("module.exports = "+questions(true)))
			r := runStdin(t, dir, stdin, "q", "new")
			if r.code != 0 {
				t.Fatal(r)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(got) != allInitials {
				t.Errorf("out.txt:\n%s\nwant:\n%s", got, allInitials)
			}
		})
	}
}

// enquirer takes default as initial, and calls (and awaits) an initial
// that is a function: pressing enter in hygen 6.2.11 submits "dflt" and
// "fromfn" for these. Without a terminal hypergen answers with them.
func TestInitialFromDefaultAndFunctions(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/q/new/prompt.js": `module.exports = [
  { type: 'input', name: 'b', message: 'B?', default: 'dflt' },
  { type: 'input', name: 'c', message: 'C?', initial: () => 'fromfn' },
  { type: 'input', name: 'd', message: 'D?', initial: async function () { return this.name + ' async' } },
]`,
		"_templates/q/new/out.t": "---\nto: out.txt\n---\n<%= b %>|<%= c %>|<%= d %>\n",
	})
	if r := runStdin(t, dir, nil, "q", "new"); r.code != 0 {
		t.Fatal(r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(got) != "dflt|fromfn|d async\n" {
		t.Errorf("out.txt = %q", got)
	}
}

// enquirer takes a type in its class's case as well ('MultiSelect',
// 'Input'); hypergen refused them as types it cannot ask.
func TestQuestionTypesInAnyCase(t *testing.T) {
	capitalised := strings.NewReplacer("'input'", "'Input'", "'multiselect'", "'MultiSelect'", "'autocomplete'", "'AutoComplete'",
		"'confirm'", "'Confirm'", "'numeral'", "'Numeral'", "'select'", "'Select'", "'list'", "'List'", "'toggle'", "'Toggle'", "'password'", "'Password'")
	dir := testfs.Tree(t, askAll("module.exports = { prompt: ({ prompter }) => prompter.prompt("+capitalised.Replace(questions(true))+") }"))
	r := runStdin(t, dir, nil, "q", "new")
	if r.code != 0 {
		t.Fatal(r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(got) != allInitials {
		t.Errorf("out.txt:\n%s\nwant:\n%s", got, allInitials)
	}
}

// Each type answered by a flag (the prompt function asks every question, so
// the flag goes through the question's type) and by --answers.
func TestPromptsAnsweredByFlagsAndAnswersFile(t *testing.T) {
	hook := "module.exports = { prompt: ({ prompter }) => prompter.prompt(" + questions(false) + ") }"
	const want = `title="007"
ok=true
count=2.5
kind="cli"
tags=["a","b"]
color="red"
items=["x","y"]
flag=false
secret="s"
`
	dir := testfs.Tree(t, askAll(hook))
	r := run(t, dir, nil, "q", "new", "--title", "007", "--ok", "yes", "--count", "2.5", "--kind", "cli",
		"--tags", "a,b", "--color", "red", "--items", "x, y", "--flag", "false", "--secret", "s")
	if r.code != 0 {
		t.Fatal(r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(got) != want {
		t.Errorf("flags: out.txt:\n%s\nwant:\n%s", got, want)
	}

	dir = testfs.Tree(t, askAll(hook))
	answers := filepath.Join(dir, "answers.json")
	if err := os.WriteFile(answers, []byte(`{"title": "007", "ok": true, "count": 2.5, "kind": "cli",
		"tags": ["a", "b"], "color": "red", "items": ["x", "y"], "flag": false, "secret": "s"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, nil, "q", "new", "--answers", answers)
	if r.code != 0 {
		t.Fatal(r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(got) != want {
		t.Errorf("--answers: out.txt:\n%s\nwant:\n%s", got, want)
	}
}

// Wrong answers and missing ones: the error names the question, the flag or
// answers key that answers it and, for a choice, the choices; nothing is
// written.
func TestPromptAnswerErrors(t *testing.T) {
	array := "module.exports = " + questions(false)
	fn := "module.exports = { prompt: ({ prompter }) => prompter.prompt(" + questions(false) + ") }"
	tests := []struct {
		name, hook string
		args       []string
		want       []string
	}{
		{"select flag not a choice (question array)", array, []string{"--kind", "web"},
			[]string{`question "kind" (Kind?)`, `--kind`, `"web" is not one of the choices (lib, app, cli)`}},
		{"multiselect flag not a choice", fn, []string{"--title", "t", "--ok", "--count", "1", "--kind", "lib", "--tags", "a,z"},
			[]string{`question "tags" (Tags?)`, `"z" is not one of the choices (a, b, c)`}},
		{"no answer", fn, nil,
			[]string{`question "title" (Title?) has no answer and stdin is not a terminal`, `--title VALUE`, `"title" in an --answers file`}},
		{"no answer to a select", fn, []string{"--title", "t", "--ok", "--count", "1"},
			[]string{`question "kind" (Kind?) has no answer`, `--kind VALUE (one of: lib, app, cli)`}},
		{"numeral", fn, []string{"--title", "t", "--ok", "--count", "many"},
			[]string{`question "count" (Count?)`, `"many" is not a number`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, askAll(tt.hook))
			r := run(t, dir, nil, append([]string{"q", "new"}, tt.args...)...)
			if r.code == 0 {
				t.Fatalf("succeeded:\n%s", r)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "out.txt")); err == nil {
				t.Error("out.txt was written")
			}
		})
	}
}

// terminalRun is hypergen running on a pseudo-terminal.
type terminalRun struct {
	tty    *os.File
	scr    *screen // what it showed
	done   chan error
	copied chan struct{}
}

// atTerminal starts hypergen with args in dir on a pseudo-terminal; the
// test's end stops it if it still runs.
func atTerminal(t *testing.T, dir string, args ...string) *terminalRun {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir, "TERM=dumb")
	tty, err := pty.Start(cmd)
	if err != nil {
		t.Fatal(err)
	}
	r := &terminalRun{tty: tty, scr: &screen{}, done: make(chan error, 1), copied: make(chan struct{})}
	go func() { _, _ = bufferFrom(r.scr, tty); close(r.copied) }()
	go func() { r.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = tty.Close()
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			<-r.done
		}
	})
	return r
}

// wait waits up to within for the run to end and all it showed to be read,
// and returns how it ended.
func (r *terminalRun) wait(t *testing.T, within time.Duration) error {
	t.Helper()
	var err error
	select {
	case err = <-r.done:
	case <-time.After(within):
		t.Fatalf("hypergen did not finish within %v:\n%s", within, r.scr.String())
	}
	_ = r.tty.Close()
	<-r.copied
	return err
}

// screen collects what hypergen shows on its terminal.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until the screen shows text for the n-th time.
func (s *screen) waitFor(t *testing.T, text string, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(s.String(), text) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q:\n%s", text, s.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// At a terminal (a pseudo-terminal here), questions are asked one line each:
// a select by number or name, a multiselect by several, an autocomplete by a
// unique part, a password without echo; a wrong answer is asked again.
func TestPromptsAtTerminal(t *testing.T) {
	dir := testfs.Tree(t, askAll("module.exports = "+questions(false)))
	term := atTerminal(t, dir, "q", "new")
	tty, scr := term.tty, term.scr
	for _, step := range []struct{ prompt, typed string }{
		{"? Title?", "My title"},
		{"? OK?", "y"},
		{"? Count?", "12"},
		{"? Kind?", "9"}, // not a choice: asked again
		{"? Kind?", "3"},
		{"? Tags?", "c, 1"},
		{"? Color?", "ee"},
		{"? Items?", "p, q"},
		{"? Flag?", ""},
		{"? Secret?", "hunter2"},
	} {
		n := 1
		if step.prompt == "? Kind?" && step.typed == "3" {
			n = 2
		}
		scr.waitFor(t, step.prompt, n)
		if _, err := tty.Write([]byte(step.typed + "\r")); err != nil {
			t.Fatal(err)
		}
	}
	if err := term.wait(t, time.Minute); err != nil {
		t.Fatalf("%v\n%s", err, scr.String())
	}
	const want = `title="My title"
ok=true
count=12
kind="cli"
tags=["a","c"]
color="green"
items=["p","q"]
flag=false
secret="hunter2"
`
	if got, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(got) != want {
		t.Errorf("out.txt:\n%s\nwant:\n%s\nterminal:\n%s", got, want, scr.String())
	}
	if strings.Contains(scr.String(), "hunter2") {
		t.Errorf("the password was echoed:\n%s", scr.String())
	}
	for _, shown := range []string{"1) lib", "3) cli", "2) b"} {
		if !strings.Contains(scr.String(), shown) {
			t.Errorf("the terminal never listed %q:\n%s", shown, scr.String())
		}
	}
}

// bufferFrom copies the terminal's output until it closes.
func bufferFrom(s *screen, tty *os.File) (int64, error) {
	buf := make([]byte, 4096)
	var n int64
	for {
		k, err := tty.Read(buf)
		if k > 0 {
			_, _ = s.Write(buf[:k])
			n += int64(k)
		}
		if err != nil {
			return n, err
		}
	}
}

// Ctrl-C at a terminal question ends the run at once, exit 1, nothing
// written, saying it was interrupted; it said "no answer (stdin closed)".
func TestCtrlCAtQuestion(t *testing.T) {
	dir := testfs.Tree(t, askAll("module.exports = "+questions(false)))
	term := atTerminal(t, dir, "q", "new")
	scr := term.scr
	scr.waitFor(t, "? Title?", 1)
	if _, err := term.tty.Write([]byte{3}); err != nil { // the terminal's interrupt character
		t.Fatal(err)
	}
	err := term.wait(t, 30*time.Second)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(scr.String(), "interrupt") || strings.Contains(scr.String(), "stdin closed") {
		t.Errorf("want exit 1 saying the run was interrupted; got %v:\n%s", err, scr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "out.txt")); err == nil {
		t.Error("out.txt written")
	}
}
