package jsrt

import "testing"

// util.format's %s shows a Buffer, a URL and URLSearchParams by their
// toString, as Node does, whose test for a built-in class counts
// JavaScript's own only: they were inspected ("<Buffer 61 62>"), and so
// was console.log('%s', buffer). Node 20.20.2 gives the same.
func TestFormatStringOfNodeClasses(t *testing.T) {
	got, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => {
  const util = require('util');
  class K { toString() { return 'k' } }
  const vs = [Buffer.from('ab'), new URL('http://a/b'), new URLSearchParams('a=1'), new Map([[1, 2]]), new Date(0), [1, [2]], { a: { b: { c: 1 } } },
    new Error('e'), /re/g, new K(), Object.create(null), Promise.resolve(1), new Uint8Array([1, 2]), new (class extends Map {})(), new (class extends Error {})('sub')];
  return { v: vs.map((x) => util.format('%s', x).split('\n')[0]).join(' | ') };
} }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "ab | http://a/b | a=1 | Map(1) { 1 => 2 } | 1970-01-01T00:00:00.000Z | [ 1, [Array] ] | { a: [Object] } | Error: e | /re/g | k | " +
		"[Object: null prototype] {} | Promise { 1 } | 1,2 | Map(0) {} | Error: sub"
	if v, _ := got.Get("v"); v != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}
