package jsrt

import "testing"

// The constructors hypergen wraps in a Proxy (Error and its kind once a
// stack is read, RegExp once a pattern is made from a string, Buffer) show
// as Node shows them, by name: String(Error) was "function () { [native
// code] }", the text goja (and V8) give any Proxy, and so was
// String(err.constructor). A script's own Proxy keeps that text. Node
// 20.20.2 gives the same, its Buffer's source aside (JavaScript in Node,
// native code here), of which the test keeps the name.
func TestWrappedConstructorsShowTheirNames(t *testing.T) {
	got, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => {
  const e = new Error('x'); e.stack; new RegExp('a/b');
  const f = (v) => String(v).replace(/\{[\s\S]*\}$/, '{…}');
  return { v: [f(Error), f(TypeError), f(e.constructor), '' + RangeError, ` + "`" + `${AggregateError}` + "`" + `.replace(/\{[\s\S]*\}$/, '{…}'), f(RegExp), f(/a/.constructor),
    Function.prototype.toString.call(Error), f(Buffer).slice(0, 15), f(Buffer.from('a').constructor).slice(0, 15), f(new Proxy(function p() {}, {})), String(e), String(Buffer.from('ab')),
    (() => { try { return Function.prototype.toString.call({}) } catch (err) { return err.constructor.name } })()].join(' | ') };
} };
`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "function Error() {…} | function TypeError() {…} | function Error() {…} | function RangeError() { [native code] } | " +
		"function AggregateError() {…} | function RegExp() {…} | function RegExp() {…} | function Error() { [native code] } | " +
		"function Buffer | function Buffer | function () {…} | Error: x | ab | TypeError"
	if v, _ := got.Get("v"); v != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}
