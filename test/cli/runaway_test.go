package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A bad HYPERGEN_JS_TIMEOUT is a usage error (2) for every command that
// runs the project's .hygen.js, as for a generation; list exited 1.
func TestBadJSTimeoutIsAUsageErrorEverywhere(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":            "module.exports = {}\n",
		"_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n",
	})
	for _, args := range [][]string{{"g", "new"}, {"list"}, {"list", "--json"}, {"discover"}, {"help", "g"}, {"help", "nothing"}} {
		r := run(t, dir, []string{"HYPERGEN_JS_TIMEOUT=soon"}, args...)
		if r.code != 2 || !strings.Contains(r.stderr, `HYPERGEN_JS_TIMEOUT="soon" is not a positive duration`) {
			t.Errorf("%v: want exit 2 naming the variable; got %v", args, r)
		}
	}
}

// A template that never ends stops at the JavaScript time limit set by
// --js-timeout or HYPERGEN_JS_TIMEOUT, with an error naming the file and the
// limit, and nothing written; a bad value is refused naming its source, and
// so is the flag where the run would go to an agent.
func TestJSTimeout(t *testing.T) {
	files := map[string]string{
		"_templates/loop/new/a.t": "---\nto: a.txt\n---\nfirst\n<% while (true) {} %>\n",
		"_templates/loop/new/b.t": "---\nto: b.txt\n---\nfine\n",
	}
	tests := []struct {
		name string
		env  []string
		args []string
		code int
		want []string
	}{
		{"flag", nil, []string{"--js-timeout", "200ms"}, 1,
			[]string{"_templates/loop/new/a.t:5: stopped", "time limit of 200ms", "--js-timeout or HYPERGEN_JS_TIMEOUT"}},
		{"flag with =", nil, []string{"--js-timeout=150ms"}, 1, []string{"_templates/loop/new/a.t", "time limit of 150ms"}},
		{"variable", []string{"HYPERGEN_JS_TIMEOUT=250ms"}, nil, 1, []string{"_templates/loop/new/a.t", "time limit of 250ms"}},
		{"flag beats variable", []string{"HYPERGEN_JS_TIMEOUT=1h"}, []string{"--js-timeout", "100ms"}, 1, []string{"time limit of 100ms"}},
		{"bad variable", []string{"HYPERGEN_JS_TIMEOUT=soon"}, nil, 2, []string{`HYPERGEN_JS_TIMEOUT="soon" is not a positive duration`}},
		{"negative flag", nil, []string{"--js-timeout=-1s"}, 2, []string{`--js-timeout="-1s" is not a positive duration`}},
		// Well formed but past time.Duration: it said "not a positive duration".
		{"too long", []string{"HYPERGEN_JS_TIMEOUT=99999999h"}, nil, 2, []string{`HYPERGEN_JS_TIMEOUT="99999999h" is longer than the longest duration`}},
		{"missing value", nil, []string{"--js-timeout"}, 2, []string{"--js-timeout needs a duration"}},
		// An agent limits JavaScript as it was started: the flag would be
		// dropped on the way, so it is refused.
		{"not delegated", []string{"HYPERGEN_AGENT_URL=http://127.0.0.1:1"}, []string{"--js-timeout=1h"}, 2,
			[]string{"--js-timeout", "cannot be delegated to an agent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, files)
			r := run(t, dir, tt.env, append([]string{"loop", "new"}, tt.args...)...)
			checkFailedRun(t, r, dir, tt.code, tt.want)
		})
	}
}

// A hook past the limit gets the template's hint on raising it: the
// limit's type survives the hook error's wrapping. A hook waiting for a
// child process is stopped too: the child is ended with the call, where
// before the run waited for it whatever the limit.
func TestJSTimeoutHookHint(t *testing.T) {
	for name, hook := range map[string]string{
		"loop":          "module.exports = { params: () => { for (;;) {} } }",
		"child process": "module.exports = { params: () => ({ x: String(require('child_process').execSync('sleep 600')) }) }",
	} {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{
				"_templates/g/new/index.js": hook,
				"_templates/g/new/a.t":      "---\nto: a.txt\n---\nx\n",
			})
			r := run(t, dir, nil, "g", "new", "--js-timeout", "200ms") // bounded to a minute
			if r.code != 1 {
				t.Fatalf("exit %d, want 1\n%s", r.code, r)
			}
			for _, w := range []string{"_templates/g/new/index.js: stopped", "time limit of 200ms", "raise the limit with --js-timeout or HYPERGEN_JS_TIMEOUT"} {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q\n%s", w, r)
				}
			}
		})
	}
}

// A hook's answer whose getter loops meets the time limit while hypergen
// reads it, outside any call into JavaScript: the limit's error, not a
// crash with a goroutine dump.
func TestJSTimeoutInAGetter(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/index.js": "module.exports = { params: () => ({ cfg: { get n() { for (;;) {} } } }) }",
		"_templates/g/new/a.t":      "---\nto: a.txt\n---\n<%= cfg.n %>\n",
	})
	r := run(t, dir, nil, "g", "new", "--js-timeout", "200ms") // bounded to a minute
	if r.code != 1 || strings.Contains(r.stderr, "goroutine") {
		t.Fatalf("exit %d, want 1 without a crash\n%s", r.code, r)
	}
	for _, w := range []string{"time limit of 200ms", "raise the limit with --js-timeout"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q\n%s", w, r)
		}
	}
}

// A Liquid template is bounded by the same limit: a loop as long as its
// arguments say ran on, whatever --js-timeout was (51 s for a nested loop
// over a 10,000-character name).
func TestJSTimeoutBoundsLiquid(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/loop/new/a.liquid.t": "---\nto: a.txt\n---\n{% for i in (1..count) %}{% for j in (1..count) %}{% endfor %}{% endfor %}\n",
		"_templates/loop/new/b.t":        "---\nto: b.txt\n---\nfine\n",
	})
	r := run(t, dir, nil, "loop", "new", "--count", "1000000", "--js-timeout", "200ms") // bounded to a minute
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r)
	}
	for _, w := range []string{"_templates/loop/new/a.liquid.t: Liquid: stopped", "time limit of 200ms", "raise the limit with --js-timeout"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q\n%s", w, r)
		}
	}
	for _, f := range []string{"a.txt", "b.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s was written by a run that failed", f)
		}
	}
}

// SIGINT and SIGTERM stop JavaScript that loops in .hygen.js or a hook,
// though the time limit is far away.
func TestRunawayScriptStopsOnSignal(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		sig   syscall.Signal
		want  string
	}{
		{".hygen.js, SIGINT", map[string]string{".hygen.js": "while (true) {}", "_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"},
			syscall.SIGINT, ".hygen.js: interrupt signal received"},
		{"hook, SIGTERM", map[string]string{"_templates/g/new/index.js": "module.exports = { params: () => { for (;;) {} } }",
			"_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"}, syscall.SIGTERM, "_templates/g/new/index.js: terminated signal received"},
		{"hook's child process, SIGTERM", map[string]string{"_templates/g/new/index.js": "module.exports = { params: () => { require('child_process').execSync('sleep 600'); return {} } }",
			"_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"}, syscall.SIGTERM, "_templates/g/new/index.js: terminated signal received"},
		// goja's built-ins do not look at interrupts: the run ends anyway.
		{"inside a built-in, SIGINT", map[string]string{"_templates/g/new/a.t": "---\nto: a.txt\n---\n<%= Array(2**32-1).includes(1) %>\n"},
			syscall.SIGINT, "did not stop within 3s of the signal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, tt.files)
			cmd := exec.Command(bin, "g", "new")
			cmd.Dir = dir
			cmd.Env = childEnv(t, dir)
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			signalAfterASecond(t, cmd, tt.sig, &errOut) // into the loop
			if cmd.ProcessState.ExitCode() == 0 || !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("exit %d, stderr %q: want a failure saying %q", cmd.ProcessState.ExitCode(), errOut.String(), tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "a.txt")); err == nil {
				t.Error("a.txt was written by a cancelled run")
			}
		})
	}
}

// The commands that read the templates root (list, discover, help GEN)
// run a looping .hygen.js once, under HYPERGEN_JS_TIMEOUT, and stop it at
// SIGINT: they used to run it twice under a fixed 30 s each, ignoring both.
func TestLoopingConfigStopsOtherCommands(t *testing.T) {
	const config = "require('child_process').execSync('echo ran >> runs.txt')\nwhile (true) {}\n"
	for _, args := range [][]string{{"list"}, {"discover"}, {"help", "g"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{".hygen.js": config, "_templates/g/new/a.t": "---\nto: a.txt\n---\nx\n"})
			r := run(t, dir, []string{"HYPERGEN_JS_TIMEOUT=1s"}, args...)
			if r.code != 1 || !strings.Contains(r.stderr, ".hygen.js: stopped: ran longer than the JavaScript time limit of 1s") {
				t.Errorf("want exit 1 naming .hygen.js and the limit; got %v", r)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "runs.txt")); err != nil || string(b) != "ran\n" {
				t.Errorf(".hygen.js ran %q times (%v), want once", b, err)
			}
		})
	}
	dir := testfs.Tree(t, map[string]string{".hygen.js": config, "_templates/g/new/a.t": "x\n"})
	cmd := exec.Command(bin, "list")
	cmd.Dir = dir
	cmd.Env = append(childEnv(t, dir), "HYPERGEN_JS_TIMEOUT=1h")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	signalWhen(t, cmd, syscall.SIGINT, &errOut, func() bool { _, err := os.Stat(filepath.Join(dir, "runs.txt")); return err == nil })
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(errOut.String(), ".hygen.js: interrupt signal received") {
		t.Errorf("list after SIGINT: exit %d, stderr %q", cmd.ProcessState.ExitCode(), errOut.String())
	}
}

// hypergen version answers at once in a project whose .hygen.js never
// ends: it does not run the project's JavaScript.
func TestVersionIgnoresLoopingConfig(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{".hygen.js": "while (true) {}", "_templates/g/new/a.t": "x\n"})
	r := run(t, dir, []string{"HYPERGEN_JS_TIMEOUT=1h"}, "version")
	if r.code != 0 || !strings.Contains(r.stdout, "hygen 6.2.11 compatible") {
		t.Fatalf("want the version:\n%s", r)
	}
}

// SIGTERM, as a CI job's timeout or a container's stop sends it, ends a
// perf benchmark as Ctrl-C does: its scratch tree is removed. Before, only
// SIGINT was caught and the tree stayed in the temporary folder.
func TestPerfBenchmarkCleansUpOnSIGTERM(t *testing.T) {
	tmp := t.TempDir()
	p := testenv.StartEnv(t, []string{"HYPERGEN_CACHE_DIR=" + t.TempDir(), "TMPDIR=" + tmp, "GOCACHE=" + testenv.GoCache()},
		bin, "perf", "benchmark", "--generators", "300", "--iterations", "1000", "--no-fail")
	scratch := func() []string { m, _ := filepath.Glob(filepath.Join(tmp, "hypergen-perf-*")); return m }
	testenv.WaitFor(t, "a scratch tree", time.Minute, func() (bool, string) { return len(scratch()) > 0, p.Output() })
	p.Signal(t, syscall.SIGTERM)
	if code := p.Wait(t, 30*time.Second); code != 1 || !strings.Contains(p.Output(), "stopped (terminated signal received)") {
		t.Errorf("exit %d after SIGTERM; want 1 and a message naming the signal:\n%s", code, p.Output())
	}
	if left := scratch(); len(left) > 0 {
		t.Errorf("scratch trees left after SIGTERM: %v\n%s", left, p.Output())
	}
}

// A .hygen.js whose exports' getters or values loop is stopped at the time
// limit wherever hypergen reads them, like a loop at its top level.
func TestLoopingConfigGettersStop(t *testing.T) {
	for _, config := range []string{
		"module.exports = { get localsDefaults() { for (;;) {} } }",
		"module.exports = { localsDefaults: { get x() { for (;;) {} } } }",
		"module.exports = { get templates() { for (;;) {} } }",
		"module.exports = { cwd: { toString() { for (;;) {} } } }",
		"module.exports = { helpers: { get x() { for (;;) {} } } }",
	} {
		t.Run(config, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{
				".hygen.js":            config + "\n",
				"_templates/a/new/x.t": "---\nto: out.txt\n---\nhi\n",
				"_templates/a/new/y.t": "---\nto: out2.txt\n---\n<%= h.x %>\n",
			})
			r := run(t, dir, nil, "a", "new", "--js-timeout", "300ms")
			if r.code != 1 || !strings.Contains(r.stderr, "time limit of 300ms") {
				t.Errorf("want exit 1 at the time limit; got %v", r)
			}
		})
	}
}

// SIGINT while the overwrite question waits for its answer stops the run
// as any cancellation does: exit 1, nothing written, and no lock file left.
func TestSignalAtOverwriteQuestion(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: out/a.txt\n---\nnew\n",
		"out/a.txt":            "old\n",
	})
	cmd := exec.Command(bin, "g", "new")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	stdin, err := cmd.StdinPipe() // open, and never answered
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	signalAfterASecond(t, cmd, syscall.SIGINT, &out) // at the question
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(out.String(), "Overwrite?") ||
		!strings.Contains(out.String(), "interrupt signal received") || strings.Contains(out.String(), "did not stop") {
		t.Errorf("exit %d:\n%s\nwant exit 1 after the question, naming the signal", cmd.ProcessState.ExitCode(), out.String())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", "a.txt")); string(b) != "old\n" {
		t.Errorf("out/a.txt = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", ".hypergen-lock")); err == nil {
		t.Error("the lock file was left behind")
	}
}

// signalAfterASecond starts cmd, sends it sig a second later and waits for
// it to end, failing the test (output shows what it printed) if it has not
// 15 s after the signal.
func signalAfterASecond(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, output *bytes.Buffer) {
	t.Helper()
	start := time.Now()
	signalWhen(t, cmd, sig, output, func() bool { return time.Since(start) >= time.Second })
}

// signalWhen is signalAfterASecond sending sig once ready says so (asked
// every 2 ms, for 20 s at most).
func signalWhen(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, output *bytes.Buffer, ready func() bool) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for deadline := time.Now().Add(20 * time.Second); !ready(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-done
			t.Fatalf("not ready for %v in 20 s:\n%s", sig, output.String())
		}
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("still running 15s after %v:\n%s", sig, output.String())
	}
}

// A template stuck inside one built-in function, which goja's interrupt
// cannot reach, ends the run StuckGrace after its limit, exit 1 and
// nothing written, where it ran (and allocated) until the built-in
// returned; one that fills the heap past GOMEMLIMIT is stopped with an
// error naming the limit. What the other template printed is printed: held
// while the templates rendered in parallel, it was lost when the process
// ended.
func TestUninterruptibleTemplatesEndTheRun(t *testing.T) {
	tests := []struct {
		name, body string
		env        []string
		want       []string
		liquid     bool // a.liquid.t, not a.t
	}{
		// Two minutes of a sparse array's indexes on this machine.
		{"stuck in a built-in", "<% new Array(2 ** 30).indexOf(1) %>", nil,
			[]string{"JavaScript still running 5s after it was stopped (stopped: ran longer than the JavaScript time limit of 100ms), inside a built-in function that cannot be interrupted; ending the run"}, false},
		{"past the memory limit", "<% const keep = []; for (;;) keep.push('y'.repeat(1000) + keep.length) %>", []string{"GOMEMLIMIT=200MiB"},
			[]string{"_templates/g/new/a.t:5: stopped: the heap grew to", "past the memory limit of templates and scripts of 200 MiB"}, false},
		// A Liquid loop is held to the same limit; it grew until the time
		// limit stopped it (1.6 GB for a string doubling itself in 5 s).
		// The 16 MiB string keeps the heap past the limit whenever it is
		// read: with a heap of the limit's size, the checks found it under
		// now and then, and the loop ran a minute on a loaded machine.
		{"Liquid past the memory limit", `{% assign s = "y" %}{% for i in (1..24) %}{% assign s = s | append: s %}{% endfor %}` +
			`{% for i in (1..1000000000) %}{% endfor %}{{ s | size }}`, []string{"GOMEMLIMIT=8MiB"},
			[]string{"_templates/g/new/a.liquid.t", "Liquid: stopped: the heap grew to", "past the memory limit of templates and scripts of 8 MiB"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := "_templates/g/new/a.t"
			if tt.liquid {
				a = "_templates/g/new/a.liquid.t"
			}
			dir := testfs.Tree(t, map[string]string{
				a:                      "---\nto: a.txt\n---\nx\n" + tt.body + "\n",
				"_templates/g/new/b.t": "---\nto: b.txt\n---\n<% console.log('b printed') -%>fine\n",
			})
			timeout := "100ms"
			if tt.env != nil {
				timeout = "1h"
			}
			r := run(t, dir, tt.env, "g", "new", "--js-timeout", timeout)
			checkFailedRun(t, r, dir, 1, tt.want)
			if !strings.Contains(r.stdout, "b printed") {
				t.Errorf("what b printed is lost:\n%s", r)
			}
		})
	}
}

// checkFailedRun checks that r, a run of the templates a.txt and b.txt in
// dir, exited with code, said each of want on stderr, and wrote neither.
func checkFailedRun(t *testing.T, r result, dir string, code int, want []string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\n%s", r.code, code, r)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q\n%s", w, r)
		}
	}
	for _, f := range []string{"a.txt", "b.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s was written by a run that failed", f)
		}
	}
}

// A signal while the files are staged (written to temporaries beside their
// targets, before any is renamed into place) stops the run there: the
// temporaries are removed, nothing is replaced, and the exit names the
// signal. Staging hundreds of large files used to go on past the signal's
// grace, and the run then ended with the temporaries left on disk.
func TestSignalWhileStagingLeavesNothing(t *testing.T) {
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("_templates/many/go/f%d.t", i)] = fmt.Sprintf("---\nto: out/d%d/f%d.txt\n---\n<%%- 'x'.repeat(256 * 1024) %%>\n", i%10, i)
	}
	dir := testfs.Tree(t, files)
	temporaries := func() (n int) {
		_ = filepath.WalkDir(filepath.Join(dir, "out"), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && atomicfile.IsTemp(d.Name()) {
				n++
			}
			return nil
		})
		return n
	}
	cmd := exec.Command(bin, "many", "go")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	signalWhen(t, cmd, syscall.SIGTERM, &errOut, func() bool { return temporaries() > 0 })
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(errOut.String(), "terminated signal received") {
		t.Errorf("exit %d, stderr %q: want 1 and the signal named", cmd.ProcessState.ExitCode(), errOut.String())
	}
	if n := temporaries(); n > 0 {
		t.Errorf("%d temporaries left", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("out/ is there: the stopped run made folders or wrote files")
	}
}
