//go:build unix

package jsrt

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A hook's fs reads what hypergen reads everywhere: a named pipe with no
// writer (which held a library's Run past its time limit and its context)
// and a device (/dev/zero filled the memory) are refused at once, with the
// code Node would not give but the reason; a process's environment under
// /proc, which holds what process.env leaves out, is unreadable.
func TestHookReadsOnlyRegularFiles(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"notes.txt": "read me"})
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"fifo":                      "it is a named pipe, not a regular file, open 'fifo'",
		"/dev/zero":                 "it is a character device, not a regular file",
		"/proc/self/environ":        "EACCES: permission denied, open '/proc/self/environ'",
		"/proc/thread-self/environ": "EACCES: permission denied",
		"notes.txt":                 "read me|read me",
	} {
		q := strconv.Quote(file)
		src := "module.exports = { params: async () => { try { return { v: String(require('fs').readFileSync(" + q +
			")) + '|' + await require('fs').promises.readFile(" + q + ", 'utf8') } } catch (e) { return { v: e.message } } } }"
		vm := NewVM(context.Background(), Setup{Cwd: dir, Limits: Limits{Timeout: 5 * time.Second}})
		hook := filepath.Join(dir, "hook.js")
		if err := os.WriteFile(hook, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := vm.Require(hook)
		if err != nil {
			t.Fatal(err)
		}
		got, err := vm.RunHook(m, jsvalue.NewObject(), nil)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		v, _ := got.Get("v")
		if s := jsvalue.ToString(v); !strings.Contains(s, want) {
			t.Errorf("%s: got %q, want %q", file, s, want)
		}
	}
}

// A template cannot print a process's environment either, through an
// include of a link to it: what process.env leaves out stayed one
// include() away (the CLI's includes read any file, as ejs does).
func TestIncludeRefusesProcessEnvironment(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/proc/self/environ", filepath.Join(dir, "env.ejs")); err != nil {
		t.Fatal(err)
	}
	vm := NewVM(context.Background(), Setup{Cwd: dir, Templates: &Cache{}})
	var c Cache
	tmpl, err := c.Compile("<%- include(dir + '/env') %>", ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	locals := jsvalue.NewObject()
	locals.Set("dir", dir)
	out, err := vm.Render(context.Background(), tmpl, locals)
	if err == nil || !strings.Contains(err.Error(), "a process's environment") {
		t.Errorf("include of a link to /proc/self/environ: %q, %v", out, err)
	}
}

// A recursive listing goes through links to folders, but not through one
// that leads back to a folder it came through: Node follows such a cycle
// until it runs out of memory.
func TestReaddirRecursiveStopsAtLinkCycles(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"d/sub/f.txt": "", "other/g.txt": ""})
	for link, target := range map[string]string{"d/sub/up": "..", "d/self": ".", "d/out": "../other"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := evalHook(t, map[string]string{"hook.js": "module.exports = { params: () => ({ v: require('fs').readdirSync(" +
		strconv.Quote(filepath.Join(dir, "d")) + ", { recursive: true }).join() }) }"}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	if want := "out,self,sub,out/g.txt,sub/f.txt,sub/up"; jsvalue.ToString(v) != want {
		t.Errorf("got %q, want %q", jsvalue.ToString(v), want)
	}
}

// Paths go to the system as Node hands them over: "link/.." is the folder
// above the link's target for a read, and a missing folder before ".."
// fails; realpathSync resolves lexically first, as Node's does, and names
// the step of its walk that failed. Outputs are Node 20.20.2's for the same
// tree.
func TestFsPathsAsNodeHandsThem(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"a.txt": "A", "other/target.txt": "OTHER", "other/deep/x": ""})
	for _, link := range [][2]string{{"other/deep", "dlink"}, {"nowhere", "broken"}, {"loop2", "loop1"}, {"loop1", "loop2"}} {
		if err := os.Symlink(link[0], filepath.Join(dir, link[1])); err != nil {
			t.Fatal(err)
		}
	}
	src := `module.exports = { params: () => { const fs = require('fs'), out = [];
	const show = (f) => { try { out.push(String(f()).replaceAll(process.cwd(), '.')) } catch (e) { out.push(e.code + ' ' + e.syscall + ' ' + String(e.path).replaceAll(process.cwd(), '.')) } };
	show(() => fs.readFileSync('dlink/../target.txt', 'utf8')); show(() => fs.readFileSync('nope/../a.txt', 'utf8'));
	show(() => fs.readFileSync('a.txt/../a.txt', 'utf8')); show(() => fs.existsSync('dlink/../target.txt'));
	show(() => fs.readdirSync('dlink/..').join('+')); show(() => fs.realpathSync('dlink/..'));
	for (const p of ['loop1', 'broken', 'nope/x', 'dlink/../target.txt']) show(() => fs.realpathSync(p));
	return { v: out.join('\n') } } }`
	hook := filepath.Join(dir, "hook.js")
	if err := os.WriteFile(hook, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := `OTHER
ENOENT open nope/../a.txt
ENOTDIR open a.txt/../a.txt
true
deep+target.txt
.
ELOOP stat ./loop1
ENOENT stat ./broken
ENOENT lstat ./nope
ENOENT lstat ./target.txt`
	if s := hookValue(t, dir, hook); s != want {
		t.Errorf("got:\n%s\nwant (Node's):\n%s", s, want)
	}
}

// A hook linked into the action folder from a shared one is known by its
// real path, as Node knows a module: __dirname is the shared folder, and
// ./util is required from there (hygen 6.2.11 writes "from util|SHARED").
func TestLinkedHookIsKnownByItsRealPath(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"shared/util.js": `module.exports = { v: "from util" }`,
		"shared/hook.js": `const u = require("./util"); module.exports = { params: () => ({ v: u.v + "|" + __dirname }) }`,
	})
	if err := os.MkdirAll(filepath.Join(dir, "_templates/gen/new"), 0o755); err != nil {
		t.Fatal(err)
	}
	hook := filepath.Join(dir, "_templates/gen/new/index.js")
	if err := os.Symlink("../../../shared/hook.js", hook); err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(filepath.Join(dir, "shared"))
	if v := hookValue(t, dir, hook); v != "from util|"+real {
		t.Errorf("v = %q, want %q", v, "from util|"+real)
	}
}

// hookValue runs the hook file in a runtime working in dir and returns the
// v its params gave.
func hookValue(t *testing.T, dir, hook string) string {
	t.Helper()
	vm := NewVM(context.Background(), Setup{Cwd: dir, Limits: Limits{Timeout: 5 * time.Second}})
	m, err := vm.Require(hook)
	if err != nil {
		t.Fatal(err)
	}
	got, err := vm.RunHook(m, jsvalue.NewObject(), nil)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	return jsvalue.ToString(v)
}
