package liquidtmpl

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// compatLocals are the variables of the templates below.
func compatLocals() *jsvalue.Object {
	l := jsvalue.NewObject()
	for k, v := range map[string]any{"s": "héllo", "u": "日本語", "em": "😀a", "a": []any{1.0, 2.0, 3.0}, "e": []any{},
		"es": "", "ws": " \n ", "nu": nil, "fa": false, "z": 0.0, "i": 1.0} {
		l.Set(k, v)
	}
	o := jsvalue.NewObject()
	o.Set("x", 1.0)
	o.Set("y", []any{1.0, 2.0})
	o.Set("1", "one")
	l.Set("o", o)
	so := jsvalue.NewObject()
	so.Set("size", "big")
	l.Set("so", so)
	l.Set("eo", jsvalue.NewObject())
	return l
}

// TestIndexAndSize: each want is liquidjs 10.31.0's for the same text and
// variables. A string's character (s[0]) and an array's item by a numeric
// text (a['0']) printed nothing, a[1.5] was a[1], a string's size was its
// bytes (6 for "héllo"), length was nothing, and an emoji was 1 to size.
func TestIndexAndSize(t *testing.T) {
	expectRenders(t, compatLocals(), []liquidjsCase{
		{"{{ s[0] }}{{ s[1] }}|{{ u[2] }}|{{ s[-1] }}|{{ s[9] }}|{{ s['1'] }}|{{ s[i] }}", "hé|語|||é|é"},
		{"{{ s.size }} {{ u.size }} {{ em.size }} {{ s.length }} {{ a.length }} {{ em | size }}", "5 3 3 5 3 3"},
		{"{{ a[0] }} {{ a[-1] }} {{ a[-3] }}|{{ a[-4] }}|{{ a[3] }}|{{ a['0'] }}|{{ a['-1'] }}|{{ a[1.5] }}|{{ a[i] }}", "1 3 1|||1|||2"},
		{"{{ a.first }} {{ a.last }} {{ a.size }} {{ e.size }} {{ e.first }}|{{ o.size }} {{ so.size }} {{ eo.size }}", "1 3 3 0 |3 big 0"},
		{"{{ o['x'] }} {{ o.y[1] }} {{ o.y.size }} {{ o[1] }} {{ o[i] }} {{ o.y[-1] }}", "1 2 2 one one 2"},
		{"{% assign t = s | upcase %}{{ t[0] }}{{ t.size }}", "H5"},
		{"{% for x in a %}{{ a[forloop.index0] }}{{ forloop.length }}{% endfor %}", "132333"},
		{"{% if a[0] == 1 and s[0] == 'h' %}y{% endif %}", "y"},
		{"{% for i in (1..a[1]) %}{{ i }}{% endfor %}|{% for i in (a[2]..a[0]) %}{{ i }}{% else %}none{% endfor %}", "12|none"},
		{"{{ 'empty' }} {{ '[0]' }} {{ 'a.size' }}", "empty [0] a.size"},
	})
}

// TestEmptyAndBlank: each want is liquidjs 10.31.0's. osteele/liquid took
// empty and blank for undefined variables: "" == empty was false, and
// nil == empty true.
func TestEmptyAndBlank(t *testing.T) {
	expectRenders(t, compatLocals(), []liquidjsCase{
		{"{% if es == empty %}y{% else %}n{% endif %}{% if e == empty %}y{% else %}n{% endif %}{% if eo == empty %}y{% else %}n{% endif %}{% if empty == es %}y{% else %}n{% endif %}{% if empty == '' %}y{% else %}n{% endif %}", "yyyyy"},
		{"{% if nu == empty %}y{% else %}n{% endif %}{% if nope == empty %}y{% else %}n{% endif %}{% if s == empty %}y{% else %}n{% endif %}{% if a == empty %}y{% else %}n{% endif %}{% if o == empty %}y{% else %}n{% endif %}{% if z == empty %}y{% else %}n{% endif %}", "nnnnnn"},
		{"{% if es != empty %}y{% else %}n{% endif %}{% if s != empty %}y{% else %}n{% endif %}{% if empty == empty %}y{% else %}n{% endif %}{% if blank == empty %}y{% else %}n{% endif %}", "nynn"},
		{"{% if ws == blank %}y{% else %}n{% endif %}{% if es == blank %}y{% else %}n{% endif %}{% if nu == blank %}y{% else %}n{% endif %}{% if fa == blank %}y{% else %}n{% endif %}{% if e == blank %}y{% else %}n{% endif %}{% if eo == blank %}y{% else %}n{% endif %}{% if z == blank %}y{% else %}n{% endif %}{% if nope == blank %}y{% else %}n{% endif %}{% if s == blank %}y{% else %}n{% endif %}", "yyyyyynyn"},
		{"{% unless es == empty %}y{% else %}n{% endunless %}{% if a.size > 0 and es == empty %}y{% endif %}{% if s.size == 5 %}y{% endif %}", "nyy"},
	})
}

// TestBareEmptyAndBlank: empty and blank alone are truthy and print
// nothing, as liquidjs's drops do (want is liquidjs 10.31.0's output);
// they were undefined variables, falsy.
func TestBareEmptyAndBlank(t *testing.T) {
	expectRenders(t, compatLocals(), []liquidjsCase{
		{"{% if empty %}y{% else %}n{% endif %}|{% if blank %}y{% else %}n{% endif %}|[{{ empty }}]|[{{ blank }}]|{{ empty | size }}|{% unless empty %}u{% endunless %}|{% if es == empty %}e{% endif %}|{% if empty == '' %}q{% endif %}", "y|y|[]|[]|0||e|q"},
	})
}

// TestLongNumbers: a whole number literal past int64 is a number, as in
// liquidjs (each want its output): osteele/liquid's lexer panicked on it,
// which was the template's error.
func TestLongNumbers(t *testing.T) {
	expectRenders(t, compatLocals(), []liquidjsCase{
		{"{{ 12345678901234567890 | divided_by: 10000000000 | floor }}|{{ 12345678901234567890 | at_least: 1 | minus: 12345678901234567000 }}|{% if 12345678901234567890 > 9223372036854775807 %}y{% endif %}", "1234567890|0|y"},
	})
}

// TestRewrittenErrors: an error quotes the template as written, not as
// rewritten for osteele/liquid, on its line.
func TestRewrittenErrors(t *testing.T) {
	var r Renderer
	for tmpl, want := range map[string]string{
		"a\nb\n{% if x[0].size == %}{% endif %}": `Liquid: syntax error in "x[0].size ==" in {% if x[0].size == %}`,
		"{{ a[b[0]] | nosuch }}":                 "nosuch",
		"{% if a == empty and %}{% endif %}":     `Liquid: syntax error in "a == empty and" in {% if a == empty and %}`,
		"{% if a.size >= 1 or %}{% endif %}":     `Liquid: syntax error in "a.size >= 1 or" in {% if a.size >= 1 or %}`,
	} {
		_, err := r.Render(context.Background(), time.Second, Source{}, tmpl, jsvalue.NewObject())
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(le.Msg, want) || strings.Contains(le.Msg, "__hypergen") {
			t.Errorf("Render(%q): err = %v; want %q", tmpl, err, want)
		}
		if strings.HasPrefix(tmpl, "a\n") && (le == nil || le.Line != 3) {
			t.Errorf("Render(%q): error not on line 3: %#v", tmpl, err)
		}
	}
}
