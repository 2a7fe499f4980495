//go:build unix

package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// mkfifo makes a named pipe at p. Opening one for reading waits for a
// writer, so code that opens it the ordinary way hangs the run.
func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// isFIFO fails the test unless p is still a named pipe.
func isFIFO(t *testing.T, p string) {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a named pipe: %v, %v", p, fi, err)
	}
}

// A target, a template or the perf history that is a named pipe fails the
// run at once, naming the file and what it is, and stays a pipe: a rename
// would have replaced it with a file, and reading it would have waited for
// a writer forever.
func TestNamedPipesAreRefused(t *testing.T) {
	gen := func(attrs string) string {
		return testfs.Tree(t, map[string]string{
			"_templates/g/a/x.t": "---\nto: out/pipe\n" + attrs + "---\nline\n",
			"out/.keep":          "",
		})
	}
	for _, tt := range []struct{ name, attrs string }{
		{"add", "force: true\n"},
		{"inject", "inject: true\nappend: true\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := gen(tt.attrs)
			pipe := filepath.Join(dir, "out", "pipe")
			mkfifo(t, pipe)
			r := run(t, dir, nil, "g", "a")
			if r.code != 1 || !strings.Contains(r.stderr, "out/pipe") || !strings.Contains(r.stderr, "it is a named pipe, not a regular file") {
				t.Errorf("want exit 1 naming out/pipe as a named pipe; got %v", r)
			}
			isFIFO(t, pipe)
		})
	}
	t.Run("template", func(t *testing.T) {
		dir := gen("")
		pipe := filepath.Join(dir, "_templates", "g", "a", "y.t")
		mkfifo(t, pipe)
		r := run(t, dir, nil, "g", "a")
		if r.code != 1 || !strings.Contains(r.stderr, "y.t") || !strings.Contains(r.stderr, "named pipe") {
			t.Errorf("want exit 1 naming y.t as a named pipe; got %v", r)
		}
		if _, err := os.Stat(filepath.Join(dir, "out", "pipe")); err == nil {
			t.Error("x.t was written although the action failed")
		}
	})
	t.Run("perf history and export", func(t *testing.T) {
		dir := gen("")
		cache := t.TempDir()
		if err := os.MkdirAll(filepath.Join(cache, "perf"), 0o755); err != nil {
			t.Fatal(err)
		}
		history := filepath.Join(cache, "perf", "history.jsonl")
		mkfifo(t, history)
		out := filepath.Join(dir, "export.json")
		r := run(t, dir, []string{"HYPERGEN_CACHE_DIR=" + cache}, "perf", "export", "--output", out)
		if r.code == 0 || !strings.Contains(r.stderr, "history.jsonl") || !strings.Contains(r.stderr, "named pipe") {
			t.Errorf("want a failure naming history.jsonl as a named pipe; got %v", r)
		}
		isFIFO(t, history)

		if err := os.Remove(history); err != nil {
			t.Fatal(err)
		}
		mkfifo(t, out)
		r = run(t, dir, []string{"HYPERGEN_CACHE_DIR=" + cache}, "perf", "export", "--output", out)
		if r.code == 0 || !strings.Contains(r.stderr, "export.json") || !strings.Contains(r.stderr, "named pipe") {
			t.Errorf("want a failure naming export.json as a named pipe; got %v", r)
		}
		isFIFO(t, out)
	})
}

// A target that is a symbolic link to a file in the project is written
// through, as hygen's fs.writeFile writes: the link stays a link, and the
// file it leads to gets the content. Before, the rename put a copy where
// the link was and left the file it led to as it was.
func TestTargetLinksAreWrittenThrough(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/add/x.t":    "---\nto: links/added\nforce: true\n---\nnew\n",
		"_templates/g/inject/x.t": "---\nto: links/injected\ninject: true\nappend: true\n---\nmore\n",
		"_templates/g/new/x.t":    "---\nto: links/dangling\n---\ncreated\n",
		"real/added":              "old\n",
		"real/injected":           "first\n",
	})
	for link, to := range map[string]string{"added": "../real/added", "injected": "../real/injected", "dangling": "../real/new"} {
		if err := os.MkdirAll(filepath.Join(dir, "links"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(to, filepath.Join(dir, "links", link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ action, link, real, want string }{
		{"add", "added", "added", "new\n"},
		{"inject", "injected", "injected", "first\nmore\n\n"}, // hygen 6.2.11's bytes
		{"new", "dangling", "new", "created\n"},
	} {
		if r := run(t, dir, nil, "g", tt.action); r.code != 0 || !strings.Contains(r.stdout, "links/"+tt.link) {
			t.Fatalf("g %s: %v", tt.action, r)
		}
		if fi, err := os.Lstat(filepath.Join(dir, "links", tt.link)); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("links/%s is no longer a link: %v, %v", tt.link, fi, err)
		}
		if b, err := os.ReadFile(filepath.Join(dir, "real", tt.real)); err != nil || string(b) != tt.want {
			t.Errorf("real/%s = %q, %v; want %q", tt.real, b, err, tt.want)
		}
	}
}

// A file its user may not write is not replaced, even with force: the
// rename needs only the folder's permission, but hygen's write in place
// fails there (EACCES), and a read-only file is usually read-only on
// purpose. As root, hypergen runs as nobody, for whom the permission holds.
func TestReadOnlyTargetIsRefused(t *testing.T) {
	base, err := os.MkdirTemp("", "readonly")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil { // TempDir's 0700 would keep nobody out
		t.Fatal(err)
	}
	dir := filepath.Join(base, "project")
	for p, body := range map[string]string{
		"_templates/g/a/x.t": "---\nto: kept.txt\nforce: true\n---\nnew\n",
		"kept.txt":           "old\n",
	} {
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kept := filepath.Join(dir, "kept.txt")
	if err := os.Chmod(kept, 0o444); err != nil {
		t.Fatal(err)
	}
	exe := bin
	if os.Geteuid() == 0 { // the test binary's folder is 0700
		exe = filepath.Join(base, "hypergen")
		if err := copyFile(bin, exe); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(exe, "g", "a")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "HYPERGEN_CACHE_DIR=" + filepath.Join(base, "cache")}
	if os.Geteuid() == 0 {
		// nobody may write the project folder (so a rename would succeed)
		// but not the file.
		if err := filepath.Walk(base, func(p string, _ os.FileInfo, err error) error {
			if err == nil && p != kept && p != exe {
				err = os.Chown(p, 65534, 65534)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(kept, 0, 0); err != nil {
			t.Fatal(err)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(out), "kept.txt") || !strings.Contains(string(out), "permission denied") {
		t.Errorf("want exit 1 naming kept.txt and the permission; got exit %d, %v:\n%s", code, err, out)
	}
	if b, err := os.ReadFile(kept); err != nil || string(b) != "old\n" {
		t.Errorf("kept.txt = %q, %v", b, err)
	}
	if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o444 {
		t.Errorf("kept.txt's mode: %v, %v", fi, err)
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o755)
	}
	return err
}

// A run that waits for another's lock (a run stopped at an overwrite
// question holds its folders' locks) says so after a second, instead of
// hanging silently, and goes on once the lock is free.
func TestLockWaitIsAnnounced(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/a/x.t": "---\nto: out/x.txt\n---\nx\n",
		"out/.keep":          "",
	})
	lock, err := os.OpenFile(filepath.Join(dir, "out", ".hypergen-lock"), os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Skipf("flock: %v", err)
	}
	cmd := exec.Command(bin, "g", "a")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	var stderr screen // written by the process while the test reads it
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	const want = "hypergen: waiting for another hypergen run writing in out to finish (Ctrl-C stops)"
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), want); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-done
			t.Fatalf("no notice of the wait after 30s; stderr:\n%s", stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "x.txt")); err == nil {
		t.Fatal("written while another run held the lock")
	}
	lock.Close() // releases the lock
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v; stderr:\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatal("still waiting 30s after the lock was released")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "out", "x.txt")); err != nil || string(b) != "x\n" {
		t.Errorf("out/x.txt = %q, %v", b, err)
	}
	if n := strings.Count(stderr.String(), "waiting for another"); n != 1 {
		t.Errorf("the notice was printed %d times:\n%s", n, stderr.String())
	}
}

// A deep new `to:` path costs file system calls in proportion to its
// depth. Each new folder used to be opened, and removed if left empty,
// from the project's root, walking the whole path each time: 1,000 levels
// took a million openat calls and four seconds.
func TestDeepTargetIsLinear(t *testing.T) {
	strace := straceOrSkip(t)
	const depth = 400
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/a/x.t": "---\nto: " + strings.Repeat("d/", depth) + "x.txt\n---\nx\n",
	})
	trace := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(strace, "-f", "-e", "trace=openat,unlinkat", "-o", trace, bin, "g", "a")
	cmd.Dir = dir
	cmd.Env = childEnv(t, dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	raw, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	calls := strings.Count(string(raw), "openat(") + strings.Count(string(raw), "unlinkat(")
	if calls > 10*depth { // linear: a few per level; the square of the depth is 160,000
		t.Errorf("%d openat and unlinkat calls for a target %d folders deep", calls, depth)
	}
	if b, err := os.ReadFile(filepath.Join(dir, strings.Repeat("d/", depth)+"x.txt")); err != nil || string(b) != "x\n" {
		t.Errorf("the deep file = %q, %v", b, err)
	}
}

// The lock files' name is no target's: a file of that name was removed with
// the lock after the run reported it written, and a folder of that name
// made every later write beside it fail.
func TestLockNameIsReserved(t *testing.T) {
	for _, name := range []string{".hypergen-lock", ".hypergen-lock/x", "a/.Hypergen-Lock/x"} {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"_templates/c/new/a.t": "---\nto: src/<%= name %>\nforce: true\n---\nhello\n", "src/.keep": ""})
			r := run(t, dir, nil, "c", "new", name)
			if r.code != 1 || !strings.Contains(r.stderr, "the name .hypergen-lock is reserved for hypergen's lock files") {
				t.Fatalf("exit %d, want 1 and the reserved name named\n%s", r.code, r)
			}
			entries, err := os.ReadDir(filepath.Join(dir, "src"))
			if err != nil || len(entries) != 1 {
				t.Fatalf("src holds %v (%v), want only .keep", entries, err)
			}
		})
	}
	// Through a link, with --allow-outside too (which once skipped the
	// check of where a link leads).
	for _, args := range [][]string{nil, {"--allow-outside"}} {
		dir := testfs.Tree(t, map[string]string{"_templates/c/new/a.t": "---\nto: src/<%= name %>\nforce: true\n---\nhello\n", "src/.keep": ""})
		if err := os.Symlink(".hypergen-lock", filepath.Join(dir, "src", "link")); err != nil {
			t.Fatal(err)
		}
		r := run(t, dir, nil, append([]string{"c", "new", "link"}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "reserved for hypergen's lock files") {
			t.Errorf("a link to the lock name %v: exit %d, want 1 and the reserved name named\n%s", args, r.code, r)
		}
	}
}

// A name in the form of the temporary files is no target's either: a later
// run writing in its folder took it for one it had left and removed it.
func TestTemporaryNamesAreReserved(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/c/new/a.t": "---\nto: src/<%= name %>\n---\nhello\n",
		"_templates/c/new/b.t": "---\nto: src/b.txt\n---\nb\n",
	})
	r := run(t, dir, nil, "c", "new", ".a.txt.hypergen-cafebabe0001")
	if r.code != 1 || !strings.Contains(r.stderr, "has the form of hypergen's temporary files") {
		t.Errorf("want exit 1 naming the reserved form; got %v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "src")); err == nil {
		t.Error("src was written")
	}
}

// A .hygen.js that someone else could have put where it is does not run:
// one of another user in a folder anyone may write to (the search upward
// reaches /tmp from every project below it), or one anyone may write. One
// of another user in an ordinary folder (a checkout mounted into a
// container) still runs.
func TestConfigOthersCouldWriteIsNotRun(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can make files another user owns")
	}
	for _, tt := range []struct {
		name              string
		dirMode, fileMode os.FileMode
		owner             int
		refused           string
	}{
		{"another user's, in a folder anyone may write", 0o1777, 0o644, 65534, "belongs to user 65534"},
		{"anyone may write it", 0o755, 0o666, 0, "anyone may write it"},
		{"another user's, in an ordinary folder", 0o755, 0o644, 65534, ""},
		{"another user's link to root's file, in a folder anyone may write", 0o1777, 0o644, -65534, "belongs to user 65534"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			shared := filepath.Join(t.TempDir(), "shared")
			marker := filepath.Join(t.TempDir(), "ran")
			project := filepath.Join(shared, "project")
			if err := os.MkdirAll(filepath.Join(project, "_templates", "g", "new"), 0o755); err != nil {
				t.Fatal(err)
			}
			config := filepath.Join(shared, ".hygen.js")
			src := fmt.Sprintf("require('fs'); require('child_process').execSync('touch %s')\nmodule.exports = {}\n", marker)
			file, owner := config, tt.owner
			if owner < 0 {
				// A link of another user's to a file of root's elsewhere.
				file, owner = filepath.Join(t.TempDir(), "config.js"), 0
			}
			if err := os.WriteFile(file, []byte(src), tt.fileMode); err != nil {
				t.Fatal(err)
			}
			for _, err := range []error{os.Chmod(file, tt.fileMode), os.Chown(file, owner, owner), os.Chmod(shared, tt.dirMode)} {
				if err != nil {
					t.Fatal(err)
				}
			}
			if file != config {
				if err := os.Symlink(file, config); err != nil {
					t.Fatal(err)
				}
				if err := os.Lchown(config, -tt.owner, -tt.owner); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, project, nil, "list")
			_, statErr := os.Stat(marker)
			if tt.refused == "" {
				if r.code != 0 || statErr != nil {
					t.Fatalf("exit %d, ran: %v; want the config run\n%s", r.code, statErr == nil, r)
				}
				return
			}
			if r.code == 0 || !strings.Contains(r.stderr, tt.refused) || !strings.Contains(r.stderr, "not running it") {
				t.Errorf("exit %d, want a refusal saying %q\n%s", r.code, tt.refused, r)
			}
			if statErr == nil {
				t.Error("the config ran")
			}
		})
	}
}

// A generator's template.yml applies however the words reach its action:
// ". c/new" and "c/new ." skipped it, and wrote what "c new" refuses.
func TestTemplateYmlAppliesWhateverTheSplit(t *testing.T) {
	for _, args := range [][]string{{"c", "new"}, {".", "c/new"}, {"c/new", "."}} {
		dir := testfs.Tree(t, map[string]string{
			"_templates/c/new/a.t":      "---\nto: out/<%= name %>.txt\n---\nx\n",
			"_templates/c/template.yml": "variables:\n  name: {type: string, required: true, pattern: \"^[A-Z][a-z]+$\"}\n",
		})
		r := run(t, dir, nil, append(args, "bad_name")...)
		if r.code != 2 || !strings.Contains(r.stderr, "invalid input") {
			t.Errorf("%v: exit %d, want 2 refusing the name\n%s", args, r.code, r)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
			t.Errorf("%v: written despite its template.yml", args)
		}
	}
}

// Through the binary: a template.yml that is not a file stops the run
// rather than letting it go on unchecked; a flag one edit from a variable
// is warned about; a hyphenated variable reaches the template checked
// under both of yargs' names.
func TestTemplateYmlEdges(t *testing.T) {
	tree := func() string {
		return testfs.Tree(t, map[string]string{
			"_templates/c/new/a.t": "---\nto: out.txt\n---\nstyle=<%= style %> tests=<%= withTests %>/<%= locals['with-tests'] %>\n",
		})
	}
	spec := "variables:\n  style: {type: enum, values: [css, scss], default: css}\n  with-tests: {type: boolean, default: true}\n"

	dir := tree()
	if err := os.Mkdir(filepath.Join(dir, "_templates/c/template.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, nil, "c", "new"); r.code != 1 || !strings.Contains(r.stderr, "template.yml: it is a folder") {
		t.Errorf("template.yml a folder: exit %d, want 1 naming it\n%s", r.code, r)
	}
	dir = tree()
	if err := os.Symlink("missing.yml", filepath.Join(dir, "_templates/c/template.yml")); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, nil, "c", "new"); r.code != 1 || !strings.Contains(r.stderr, "leads nowhere") {
		t.Errorf("template.yml a dangling link: exit %d, want 1 naming it\n%s", r.code, r)
	}
	for _, f := range []string{"out.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s written without the spec's checks", f)
		}
	}

	dir = tree()
	if err := os.WriteFile(filepath.Join(dir, "_templates/c/template.yml"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, "c", "new", "--styel", "scss", "--with-tests", "false")
	if r.code != 0 || !strings.Contains(r.stderr, "warning: --styel is not a variable of _templates/c/template.yml; did you mean --style?") {
		t.Errorf("--styel: exit %d, want 0 with a warning\n%s", r.code, r)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out.txt")); string(b) != "style=css tests=false/false\n" {
		t.Errorf("out.txt = %q", b)
	}
}
