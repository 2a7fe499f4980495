//go:build unix

package cli

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A reader that stops early (hypergen … | head -1, | grep -q) used to kill
// the run with SIGPIPE between two renames: part of the files new, part
// old, and the staged temporaries left in the project. The run now ends as
// it would have, all its files written, whatever became of its output.
func TestClosedStdoutDoesNotCutTheRunShort(t *testing.T) {
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("_templates/g/new/t%03d.t", i)] = fmt.Sprintf("---\nto: out/f%03d.txt\nforce: true\n---\nNEW\n", i)
		files[fmt.Sprintf("out/f%03d.txt", i)] = "OLD\n"
	}
	dir := testfs.Tree(t, files)
	cmd := exec.Command(bin, "g", "new")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	out.Close() // as head -1 exits after its line
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("hypergen did not finish")
	}
	if err != nil {
		t.Errorf("exit: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, "out", e.Name()))
		if strings.HasPrefix(e.Name(), ".") || string(b) != "NEW\n" {
			t.Errorf("out/%s: %q; want every file new and nothing else", e.Name(), b)
		}
	}
	if len(entries) != 200 {
		t.Errorf("%d entries in out/, want 200", len(entries))
	}
}

// SIGHUP (the terminal closed) ends a run as SIGINT and SIGTERM do: a
// template running stops, exit 1, nothing written, no lock left. It ended
// the process where it stood.
func TestHangupEndsTheRunCleanly(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: out/a.txt\n---\na\n",
		"_templates/g/new/b.t": "---\nto: out/b.txt\n---\n<% while (true) {} %>\n",
	})
	p := testenv.StartIn(t, dir, []string{"HYPERGEN_CACHE_DIR=" + t.TempDir()}, bin, "g", "new")
	waitForTheRun(t, p)
	time.Sleep(200 * time.Millisecond) // into the loop
	p.Signal(t, syscall.SIGHUP)
	if code := p.Wait(t, 30*time.Second); code != 1 || !strings.Contains(p.Output(), "hangup") {
		t.Errorf("want exit 1 naming the hangup; got exit %d:\n%s", code, p.Output())
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "out")); len(left) > 0 {
		t.Errorf("left in out/: %v", left)
	}
}

// The commands a run starts get SIGPIPE as any process does: with it
// ignored (inherited through exec), `yes | head -1` complained of a broken
// pipe and a shell loop writing into a closed pipe never ended.
func TestCommandsKeepTheDefaultSIGPIPE(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc/self/status to read signal dispositions from")
	}
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nsh: \"grep SigIgn /proc/self/status > ign.txt; (while :; do echo y; done) | head -1 > loop.txt\"\n---\n",
	})
	r := run(t, dir, nil, "g", "new")
	ign, _ := os.ReadFile(filepath.Join(dir, "ign.txt"))
	mask, err := strconv.ParseUint(strings.TrimSpace(strings.TrimPrefix(string(ign), "SigIgn:")), 16, 64)
	if r.code != 0 || err != nil || mask&(1<<(uint(syscall.SIGPIPE)-1)) != 0 {
		t.Errorf("exit %d, %q: want the command's SIGPIPE not ignored\n%v", r.code, ign, r)
	}
}

// A run started to ignore SIGHUP (nohup) goes on when the terminal closes.
func TestHangupIgnoredUnderNohup(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: out/a.txt\n---\n<% const end = Date.now() + 1500; while (Date.now() < end) {} %>a\n",
	})
	p := testenv.StartIn(t, dir, []string{"HYPERGEN_CACHE_DIR=" + t.TempDir()}, "/bin/sh", "-c", `trap "" HUP; exec "$0" g new`, bin)
	waitForTheRun(t, p)
	p.Signal(t, syscall.SIGHUP)
	if code := p.Wait(t, 30*time.Second); code != 0 {
		t.Errorf("a run ignoring SIGHUP ended on it: exit %d\n%s", code, p.Output())
	}
	if b, err := os.ReadFile(filepath.Join(dir, "out", "a.txt")); err != nil || string(b) != "a\n" {
		t.Errorf("out/a.txt = %q, %v", b, err)
	}
}

// A project entered through a link (cd proj, where proj leads to real) is
// the real folder to a run, as Node's process.cwd() makes it for hygen:
// the cwd and templates locals and HYGEN_OUTPUT_ABS_PATH lines name it,
// where the shell's $PWD named the link (hygen 6.2.11's output).
func TestProjectEnteredThroughALink(t *testing.T) {
	base, _ := filepath.EvalSymlinks(testfs.Tree(t, map[string]string{
		"real/_templates/gen/new/b.t": "---\nto: out/b.txt\n---\n<%= cwd %>|<%= templates %>|<%= process.cwd() %>\n",
	}))
	real, link := filepath.Join(base, "real"), filepath.Join(base, "proj")
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	r := run(t, link, []string{"PWD=" + link, "HYGEN_OUTPUT_ABS_PATH=1"}, "gen", "new")
	if r.code != 0 || !strings.Contains(r.stdout, "added: "+filepath.Join(real, "out", "b.txt")) {
		t.Errorf("exit %d, stdout %q; want the real path added", r.code, r.stdout)
	}
	want := real + "|" + filepath.Join(real, "_templates") + "|" + real + "\n"
	if b, err := os.ReadFile(filepath.Join(real, "out", "b.txt")); err != nil || string(b) != want {
		t.Errorf("out/b.txt = %q, %v; want %q", b, err, want)
	}
}

// waitForTheRun waits until p's run has begun: by then the process handles
// or ignores signals as it means to. A fixed sleep was not enough when a
// loaded machine was slow to start it, and the default action of the
// signal killed it.
func waitForTheRun(t *testing.T, p *testenv.Process) {
	t.Helper()
	testenv.WaitFor(t, "the run to begin", 30*time.Second, func() (bool, string) {
		out := p.Output()
		return strings.Contains(out, "Loaded templates:"), out
	})
}
