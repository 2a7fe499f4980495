package jsrt

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// TestAnnexBMethods: String's HTML methods and Date's getYear, setYear and
// toGMTString, in a hook, answer as Node 20's (the answers below are its,
// those on dates the same in every time zone).
func TestAnnexBMethods(t *testing.T) {
	src := `module.exports = { params: () => {
  const caught = (f) => { try { return f() } catch (e) { return e.name + ': ' + e.message } }
  const e = new Date(2001, 5, 15, 10)
  return { v: [
    'a'.anchor('x"y'), 'b'.big(), 'b'.blink(), 'b'.bold(), 'b'.fixed(), 'c'.fontcolor('red'), 'c'.fontsize(7), 'i'.italics(),
    'Docs'.link('https://x?a="b"'), 's'.small(), 's'.strike(), 's'.sub(), 's'.sup(), 'a'.anchor(), String.prototype.bold.call(5),
    caught(() => String.prototype.sub.call(null)), caught(() => 'x'.sub.call(Symbol())),
    String.prototype.anchor.length, String.prototype.big.name, Object.keys(String.prototype).length, '\ud800'.bold().length,
    String.prototype.bold.toString(),
    new Date(2001, 5, 15).getYear(), new Date(NaN).getYear(), e.setYear(99.5) === new Date(1999, 5, 15, 10).getTime(), e.getYear(),
    new Date(2001, 5, 15).setYear(-5) === new Date(2001, 5, 15).setFullYear(-5), new Date(NaN).setYear(95) === new Date(1995, 0, 1).getTime(),
    new Date(0).setYear('x'), Date.prototype.toGMTString === Date.prototype.toUTCString, new Date(0).toGMTString(),
    caught(() => Date.prototype.getYear.call({})), caught(() => Date.prototype.setYear.call(new (class Foo {}), 1)),
    caught(() => Date.prototype.getYear.call(5)), Date.prototype.setYear.length,
  ].join('\n') }
} }`
	got, err := evalHook(t, map[string]string{"hook.js": src}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := `<a name="x&quot;y">a</a>
<big>b</big>
<blink>b</blink>
<b>b</b>
<tt>b</tt>
<font color="red">c</font>
<font size="7">c</font>
<i>i</i>
<a href="https://x?a=&quot;b&quot;">Docs</a>
<small>s</small>
<strike>s</strike>
<sub>s</sub>
<sup>s</sup>
<a name="undefined">a</a>
<b>5</b>
TypeError: String.prototype.sub called on null or undefined
TypeError: Cannot convert a Symbol value to a string
1
big
0
8
function bold() { [native code] }
101
NaN
true
99
true
true
NaN
true
Thu, 01 Jan 1970 00:00:00 GMT
TypeError: Method Date.prototype.getYear called on incompatible receiver #<Object>
TypeError: Method Date.prototype.setYear called on incompatible receiver #<Foo>
TypeError: Method Date.prototype.getYear called on incompatible receiver 5
1`
	if s := jsvalue.ToString(v); s != want {
		t.Errorf("got:\n%s\nwant (Node 20's):\n%s", s, want)
	}
}

// TestAnnexBInTemplates: a template that names one of the methods gets
// them; one that names none does not pay for them.
func TestAnnexBInTemplates(t *testing.T) {
	got, err := render(t, `<%- "Docs".link("https://x") %>|<%- new Date(0).toGMTString() %>`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<a href="https://x">Docs</a>|Thu, 01 Jan 1970 00:00:00 GMT`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if f := featuresOf(`sublime.linked(bolder)`); f&featAnnexB != 0 {
		t.Errorf("names that only contain the methods' names need featAnnexB")
	}
}
