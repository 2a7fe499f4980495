package jsrt

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestFileDescriptors: fs.openSync and the calls on its descriptors read
// as Node 20's do, with its answers and errors (the descriptor's number
// aside); flags that write are refused as writeFileSync is.
func TestFileDescriptors(t *testing.T) {
	src := `module.exports = { params: async () => {
  const fs = require('fs')
  const caught = (f) => { try { return JSON.stringify(f()) } catch (e) { return [e.name, e.code, e.message, e.syscall, e.errno, e.path].join('|') } }
  const fd = fs.openSync('a.txt')
  const b = Buffer.alloc(5)
  const lines = [
    typeof fd, fd > 2,
    caught(() => [fs.readSync(fd, b, 0, 5, null), b.toString()]),
    caught(() => [fs.readSync(fd, b, 0, 5, 0), b.toString()]),
    caught(() => [fs.readSync(fd, b, 1, 3, null), b.toString()]),
    caught(() => [fs.readSync(fd, b, { position: 6 }), b.toString()]),
    caught(() => [fs.readSync(fd, b), b.toString()]),
    caught(() => fs.readSync(fd, b, 0, 6, 0)),
    caught(() => fs.readSync(fd, b, 6, 1, 0)),
    caught(() => fs.readSync(fd, 'x', 0, 1, 0)),
    caught(() => fs.readSync(fd, b, 0, 0, 0)),
    caught(() => fs.writeSync(fd, 'x')),
    caught(() => fs.writeSync(fd, Buffer.from('x'))),
    caught(() => fs.ftruncateSync(fd)),
    caught(() => fs.fsyncSync(fd)),
    caught(() => fs.fstatSync(fd).size),
    caught(() => fs.readFileSync(fd, 'utf8')),
    caught(() => fs.closeSync(fd)),
    caught(() => fs.closeSync(fd)),
    caught(() => fs.readSync(fd, b)),
    caught(() => fs.fstatSync(fd)),
    caught(() => fs.fsyncSync(fd)),
    caught(() => fs.closeSync('x')),
    caught(() => fs.closeSync(-1)),
    caught(() => fs.openSync('nope')),
    caught(() => fs.openSync('a.txt', 'bogus')),
    caught(() => { const d = fs.openSync('.'); try { return fs.readSync(d, b) } finally { fs.closeSync(d) } }),
    caught(() => { const d = fs.openSync('a.txt', fs.constants.O_RDONLY); try { return fs.readFileSync(d, 'utf8') } finally { fs.closeSync(d) } }),
    caught(() => fs.readSync(99, b)),
    caught(() => fs.writeSync(99, 'x')),
  ]
  const show = (e) => e ? e.code : e
  await new Promise((done) => fs.open('a.txt', 'r', (err, fd) => {
    const c = Buffer.alloc(4)
    fs.read(fd, c, 0, 4, 6, (err2, n, buf) => fs.fstat(fd, (err3, st) => fs.write(fd, 'x', (err4, written) => fs.close(fd, (err5) => {
      lines.push([show(err), show(err2), n, buf === c, c.toString(), show(err3), st.size, show(err4), written, show(err5)].join())
      fs.close(fd, (err6) => { lines.push(show(err6)); done() })
    }))))
  }))
  for (const flags of ['w', 'a', 'r+', 'wx', fs.constants.O_WRONLY | fs.constants.O_CREAT]) {
    lines.push(caught(() => fs.openSync('a.txt', flags)).replace(/^.*(hooks may only read files).*$/, '$1'))
  }
  lines.push(fs.readFileSync('a.txt', 'utf8').length)
  return { v: lines.join('\n') }
} }`
	got, err := evalHook(t, map[string]string{"hook.js": src, "a.txt": "hello world\n"}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := `number
true
[5,"hello"]
[5,"hello"]
[3,"h woo"]
[5,"world"]
[4,"rld\nd"]
RangeError|ERR_OUT_OF_RANGE|The value of "length" is out of range. It must be <= 5. Received 6|||
RangeError|ERR_OUT_OF_RANGE|The value of "length" is out of range. It must be <= -1. Received 1|||
TypeError|ERR_INVALID_ARG_TYPE|The "buffer" argument must be an instance of Buffer, TypedArray, or DataView. Received type string ('x')|||
0
Error|EBADF|EBADF: bad file descriptor, write|write|-9|
Error|EBADF|EBADF: bad file descriptor, write|write|-9|
Error|EINVAL|EINVAL: invalid argument, ftruncate|ftruncate|-22|

12
""

Error|EBADF|EBADF: bad file descriptor, close|close|-9|
Error|EBADF|EBADF: bad file descriptor, read|read|-9|
Error|EBADF|EBADF: bad file descriptor, fstat|fstat|-9|
Error|EBADF|EBADF: bad file descriptor, fsync|fsync|-9|
TypeError|ERR_INVALID_ARG_TYPE|The "fd" argument must be of type number. Received type string ('x')|||
RangeError|ERR_OUT_OF_RANGE|The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received -1|||
Error|ENOENT|ENOENT: no such file or directory, open 'nope'|open|-2|nope
TypeError|ERR_INVALID_ARG_VALUE|The argument 'flags' is invalid. Received 'bogus'|||
Error|EISDIR|EISDIR: illegal operation on a directory, read|read|-21|
"hello world\n"
Error|EBADF|EBADF: bad file descriptor, read|read|-9|
Error|EBADF|EBADF: bad file descriptor, write|write|-9|
,,4,true,worl,,12,EBADF,0,
EBADF
hooks may only read files
hooks may only read files
hooks may only read files
hooks may only read files
hooks may only read files
12`
	if runtime.GOOS == "windows" {
		t.Skip("errno numbers are Unix's")
	}
	if s := jsvalue.ToString(v); s != want {
		t.Errorf("got:\n%s\nwant (Node 20's, but for the refused flags):\n%s", s, want)
	}
}

// TestFileDescriptorsClosedWhenTheCallEnds: the files a hook opened and
// left open are closed when its call returns, whether it returned,
// threw or was stopped by the time limit, and a later call finds none.
func TestFileDescriptorsClosedWhenTheCallEnds(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts the process's descriptors in /proc")
	}
	openFDs := func() int {
		entries, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	for _, tt := range []struct{ name, end string }{
		{"returns", "return {}"},
		{"throws", "throw new Error('left them open')"},
		{"runs out of time", "for (;;) {}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"a.txt": "a", "hook.js": `const fs = require('fs')
module.exports = { params: () => {
  if (globalThis.again) { try { fs.closeSync(3); return { v: 'still open' } } catch (e) { return { v: e.code } } }
  globalThis.again = true
  for (let i = 0; i < 100; i++) fs.openSync('a.txt')
  ` + tt.end + `
} }`})
			vm := NewVM(context.Background(), Setup{Cwd: dir, Limits: Limits{Timeout: 300 * time.Millisecond}})
			m, err := vm.Require(filepath.Join(dir, "hook.js"))
			if err != nil {
				t.Fatal(err)
			}
			before := openFDs()
			_, err = vm.RunHook(m, jsvalue.NewObject(), nil)
			if tt.end != "return {}" && err == nil {
				t.Fatal("the hook did not fail")
			}
			if n := openFDs(); n > before {
				t.Errorf("%d descriptors left open", n-before)
			}
			if len(vm.files) != 0 {
				t.Errorf("the runtime still holds %d files", len(vm.files))
			}
			again, err := vm.RunHook(m, jsvalue.NewObject(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := again.Get("v"); jsvalue.ToString(v) != "EBADF" {
				t.Errorf("the next call found descriptor 3: %s", jsvalue.ToString(v))
			}
		})
	}
	// One file more than a runtime may hold open is Node's EMFILE.
	got, err := evalHook(t, map[string]string{"a.txt": "a", "hook.js": `module.exports = { params: () => {
  const fs = require('fs'); try { for (;;) fs.openSync('a.txt') } catch (e) { return { v: e.code + ' ' + e.message } } } }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); jsvalue.ToString(v) != "EMFILE EMFILE: too many open files, open 'a.txt'" {
		t.Errorf("got %q", jsvalue.ToString(v))
	}
}
