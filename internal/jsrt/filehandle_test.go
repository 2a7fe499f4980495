package jsrt

import (
	"strings"
	"testing"
)

// fs.promises.open gives a FileHandle that reads as Node's does: read in
// its three forms (from the file's position when none is given),
// readFile from that position, stat and close; writing through it fails
// as Node's fails for a file opened to read. Node 20.20.2 gives the same.
// It was refused as fs.writeFile is.
func TestPromisesOpenReads(t *testing.T) {
	got, err := evalHook(t, map[string]string{"f.txt": "hello world\nline2\n", "hook.js": `const fsp = require('fs').promises;
module.exports = { params: async () => {
  const out = [];
  const fh = await fsp.open('f.txt');
  out.push(typeof fh.fd, fh.constructor.name);
  const b = Buffer.alloc(5);
  const r1 = await fh.read(b, 0, 5, 0); out.push([r1.bytesRead, r1.buffer.toString(), r1.buffer === b, Object.keys(r1)].join());
  const r2 = await fh.read(); out.push([r2.bytesRead, r2.buffer.length, JSON.stringify(r2.buffer.toString('utf8', 0, r2.bytesRead))].join());
  const r3 = await fh.read({ buffer: Buffer.alloc(3), position: 6 }); out.push([r3.bytesRead, r3.buffer.toString()].join());
  const r4 = await fh.read(Buffer.alloc(4), { position: 1 }); out.push([r4.bytesRead, r4.buffer.toString()].join());
  const r5 = await fh.read(Buffer.alloc(4), 0, 4); out.push(r5.bytesRead);
  out.push(JSON.stringify(await fh.readFile('utf8')));
  const fh2 = await require('fs/promises').open('f.txt', 'r');
  out.push(JSON.stringify(await fh2.readFile({ encoding: 'utf8' })), (await fh2.readFile()).length);
  const st = await fh.stat(); out.push(st.size, st.isFile());
  for (const [n, f] of [['write', () => fh.write('x')], ['writeFile', () => fh.writeFile('x')], ['truncate', () => fh.truncate(0)], ['sync', () => fh.sync()]]) {
    try { out.push(n + ' ok ' + await f()) } catch (e) { out.push(n + ' ' + e.code + ' ' + e.message) }
  }
  out.push('close ' + await fh.close(), 'fd ' + fh.fd);
  try { await fh.read(Buffer.alloc(1)) } catch (e) { out.push('read after close ' + e.code + ' ' + e.message) }
  await fh.close(); await fh2.close();
  try { await fsp.open('nope') } catch (e) { out.push(e.message) }
  const d = await fsp.open('.'); try { await d.readFile() } catch (e) { out.push(e.message) } await d.close();
  return { v: out.join(' | ') };
} };
`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `number | FileHandle | 5,hello,true,bytesRead,buffer | 18,16384,"hello world\nline2\n" | 3,wor | 4,ello | 0 | "" | ` +
		`"hello world\nline2\n" | 0 | 18 | true | write EBADF EBADF: bad file descriptor, write | ` +
		`writeFile EBADF EBADF: bad file descriptor, write | truncate EINVAL EINVAL: invalid argument, ftruncate | sync ok undefined | ` +
		`close undefined | fd -1 | read after close EBADF file closed | ENOENT: no such file or directory, open 'nope' | ` +
		`EISDIR: illegal operation on a directory, read`
	if v, _ := got.Get("v"); v != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}

// Opening to write is refused as writing is, and so are the calls that
// would change the file's metadata through a handle.
func TestPromisesOpenRefusesWrites(t *testing.T) {
	for _, src := range []string{
		"await require('fs').promises.open('f.txt', 'w')",
		"await require('fs/promises').open('f.txt', 'a+')",
		"await (await require('fs').promises.open('f.txt')).chmod(0o600)",
	} {
		_, err := evalHook(t, map[string]string{"f.txt": "x", "hook.js": "module.exports = { params: async () => { " + src + "; return {} } }"}, RunOptions{})
		if err == nil || !strings.Contains(err.Error(), "is not available in hypergen: hooks may only read files") {
			t.Errorf("%s: err = %v", src, err)
		}
	}
}
