package liquidtmpl

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// TestMathFilters: each want is liquidjs 10.31.0's. plus, minus, times,
// abs, ceil, floor and round read their input and arguments as
// JavaScript's +v, NaN as 0: osteele/liquid's failed on text that is no
// number and on true ("can't convert"), printed 0 * -1 as -0, rounded
// -2.5 to -2 and 1.005 to 2 places to 1.
func TestMathFilters(t *testing.T) {
	l := jsvalue.NewObject()
	for k, v := range map[string]any{"ns": "42", "t": true, "fa": false, "nu": nil, "arr": []any{5.0}, "arr2": []any{1.0, 2.0},
		"hex": "0x10", "sp": " 12 ", "neg": "-3.5"} {
		l.Set(k, v)
	}
	o := jsvalue.NewObject()
	o.Set("a", 1.0)
	l.Set("o", o)
	expectRenders(t, l, []liquidjsCase{
		{"{{ 'abc' | plus: 1 }} {{ t | plus: 1 }} {{ fa | plus: 1 }} {{ nu | plus: 1 }} {{ arr | plus: 1 }} {{ arr2 | plus: 1 }} {{ o | plus: 1 }} {{ hex | plus: 1 }} {{ sp | plus: 1 }} {{ ns | plus: '1' }}", "1 2 1 1 6 1 1 17 13 43"},
		{"{{ 'ab' | times: 2 }} {{ neg | times: 2 }} {{ 0 | times: -1 }} {{ 3 | minus: t }} {{ '5' | minus: '7.5' }} {{ 2 | times: 0.1 }}", "0 -7 0 2 -2.5 0.2"},
		{"{{ 'x' | abs }} {{ neg | abs }} {{ -0.0 | abs }} {{ '2.7' | ceil }} {{ '-2.7' | floor }} {{ t | ceil }} {{ nu | floor }} {{ -0.5 | ceil }}", "0 3.5 0 3 -3 1 0 0"},
		{"{{ -2.5 | round }} {{ 2.5 | round }} {{ 1.005 | round: 2 }} {{ 3.14159 | round: 2 }} {{ -0.4 | round }} {{ 1234.5678 | round: -2 }} {{ 'abc' | round }} {{ '2.5' | round }} {{ 0.5 | round }} {{ 1.45 | round: 1 }} {{ 5 | round: 'x' }}", "-3 3 1.01 3.14 0 1200 0 3 1 1.5 5"},
		{"{{ 4 | at_least: 'x' }} {{ 'x' | at_most: -1 }} {{ t | at_least: 0 }} {{ 7 | modulo: t }} {{ 9 | divided_by: '2', t }}", "4 -1 1 0 4"},
	})
}

// TestFirstLastDefaultCase: each want is liquidjs 10.31.0's. first and
// last failed on a string or a number, and gave an object's first value;
// default gave its default for an empty object; upcase and downcase were
// Go's, which leave ß and ﬁ as they are.
func TestFirstLastDefaultCase(t *testing.T) {
	l := jsvalue.NewObject()
	for k, v := range map[string]any{"s": "héllo", "em": "😀a", "es": "", "a": []any{1.0, 2.0, 3.0}, "e": []any{},
		"eo": jsvalue.NewObject(), "n": 5.0, "z": 0.0, "fa": false, "t": true, "nu": nil, "ws": " "} {
		l.Set(k, v)
	}
	o := jsvalue.NewObject()
	o.Set("a", 1.0)
	l.Set("o", o)
	expectRenders(t, l, []liquidjsCase{
		{"[{{ s | first }}|{{ s | last }}|{{ es | first }}|{{ a | first }}|{{ a | last }}|{{ e | first }}|{{ o | first }}|{{ n | first }}|{{ nu | last }}|{{ t | first }}]", "[h|o||1|3|||||]"},
		{"[{{ es | default: 'd' }}|{{ e | default: 'd' }}|{{ eo | default: 'd' }}|{{ o | default: 'd' }}|{{ z | default: 'd' }}|{{ fa | default: 'd' }}|{{ nu | default: 'd' }}|{{ nope | default: 'd' }}|{{ ws | default: 'd' }}|{{ t | default: 'd' }}|{{ nope | default }}]", "[d|d|[object Object]|[object Object]|0|d|d|d| |true|]"},
		{"{{ 'ß' | upcase }} {{ 'İ' | downcase }} {{ 'ΟΔΟΣ' | downcase }} {{ 'ßa' | capitalize }} {{ 'ǆx' | capitalize }} {{ 'ﬁ' | upcase }}", "SS i̇ οδος SSa Ǆx FI"},
	})
}

// TestLoopCollections: each want is liquidjs 10.31.0's. A loop over a
// string walks it as a list of itself, and one over nothing, a number or
// a boolean runs its else: osteele/liquid ran neither the loop nor its
// else.
func TestLoopCollections(t *testing.T) {
	l := jsvalue.NewObject()
	for k, v := range map[string]any{"s": "héllo", "es": "", "a": []any{1.0, 2.0, 3.0}, "e": []any{},
		"eo": jsvalue.NewObject(), "n": 5.0, "t": true, "nu": nil} {
		l.Set(k, v)
	}
	o := jsvalue.NewObject()
	o.Set("x", 1.0)
	o.Set("y", 2.0)
	l.Set("o", o)
	expectRenders(t, l, []liquidjsCase{
		{"{% for c in s %}[{{ c }}]{% else %}none{% endfor %}|{% for c in es %}[{{ c }}]{% else %}none{% endfor %}|{% for x in nope %}x{% else %}none{% endfor %}|{% for x in nu %}x{% else %}none{% endfor %}", "[héllo]|none|none|none"},
		{"{% for x in n %}x{% else %}none{% endfor %}|{% for x in t %}x{% else %}none{% endfor %}|{% for x in e %}x{% else %}none{% endfor %}|{% for x in eo %}x{% else %}none{% endfor %}|{% for p in o %}{{ p[0] }}{{ p[1] }}{% endfor %}", "none|none|none|none|x1y2"},
		{"{% for x in a offset: 1 %}{{ x }}{% endfor %}|{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}|{% for i in (1..a[1]) reversed %}{{ i }}{% endfor %}|{% for c in s limit: 1 %}{{ forloop.length }}{% endfor %}", "23|none|21|1"},
		{"{% tablerow c in s %}{{ c }}{% endtablerow %}|{% tablerow x in nope %}{{ x }}{% endtablerow %}", "<tr class=\"row1\"><td class=\"col1\">héllo</td></tr>|"},
		{"{%- for x in a -%} {{ x }} {%- endfor -%}|{% for x in a %}{% for y in a limit: x %}{{ y }}{% endfor %},{% endfor %}", "123|1,12,123,"},
	})
}

// TestComparisons: each want is liquidjs 10.31.0's. o == o stopped the
// render (Go's == panicked on a map), "42" > 5 and "B" < "a" were false,
// and 5 == "5" was true.
func TestComparisons(t *testing.T) {
	l := jsvalue.NewObject()
	for k, v := range map[string]any{"a": []any{1.0, "x"}, "a2": []any{1.0, "x"}, "ns": "42", "n": 5.0, "t": true, "fa": false, "s": "b"} {
		l.Set(k, v)
	}
	for _, k := range []string{"o", "o2"} {
		o := jsvalue.NewObject()
		o.Set("k", 1.0)
		l.Set(k, o)
	}
	expectRenders(t, l, []liquidjsCase{
		{"{% if o == o %}y{% else %}n{% endif %}{% if o == o2 %}y{% else %}n{% endif %}{% if o != o2 %}y{% else %}n{% endif %}{% if a == a2 %}y{% else %}n{% endif %}{% if a == a %}y{% else %}n{% endif %}{% if ns > 5 %}y{% else %}n{% endif %}", "ynyyyy"},
		{"{% if ns == 42 %}y{% else %}n{% endif %}{% if n == '5' %}y{% else %}n{% endif %}{% if 1 == 1.0 %}y{% else %}n{% endif %}{% if 'b' > 'a' %}y{% else %}n{% endif %}{% if 'B' < 'a' %}y{% else %}n{% endif %}{% if 'é' > 'z' %}y{% else %}n{% endif %}", "nnyyyy"},
		{"{% if nope < 1 %}y{% else %}n{% endif %}{% if nope > -1 %}y{% else %}n{% endif %}{% if nope == nil %}y{% else %}n{% endif %}{% if nope != nil %}y{% else %}n{% endif %}{% if n >= n %}y{% else %}n{% endif %}{% if n <= 4 %}y{% else %}n{% endif %}", "nnynyn"},
		{"{% if a < 'b' %}y{% else %}n{% endif %}{% if t == true %}y{% else %}n{% endif %}{% if t > 0 %}y{% else %}n{% endif %}{% if fa < 1 %}y{% else %}n{% endif %}{% if '10' < '9' %}y{% else %}n{% endif %}{% if 10 < 9 %}y{% else %}n{% endif %}", "yyyyyn"},
		{"{% if '10' < 9 %}y{% else %}n{% endif %}{% if s == 'b' and n > 4 %}y{% else %}n{% endif %}{% if s == 'c' or n != 5 %}y{% else %}n{% endif %}{% if a == 'x' %}y{% else %}n{% endif %}{% if o == nil %}y{% else %}n{% endif %}{% if n == nil %}y{% else %}n{% endif %}", "nynnnn"},
		{"{% if nil == nope %}y{% else %}n{% endif %}{% if 'abc' contains 'b' %}y{% else %}n{% endif %}{% if a contains 'x' %}y{% else %}n{% endif %}", "yyy"},
	})
}

// TestRangesInFilters: a range given to a filter is the list of its
// numbers (each want is liquidjs 10.31.0's): (1..3) | join printed
// "[object Object]", and its size was 0.
func TestRangesInFilters(t *testing.T) {
	var r Renderer
	tmpl := "{{ (1..3) | join: ',' }}|{{ (1..3) | size }}|{{ (1..3) | first }}|{{ (1..3) | reverse | join }}|{{ (1..3) | map: 'x' | size }}|{{ (2..1) | size }}"
	want := "1,2,3|3|1|3 2 1|3|0"
	if got, err := r.Render(context.Background(), time.Second, Source{}, tmpl, jsvalue.NewObject()); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestSort: sort orders as liquidjs 10.31.0 does (each want its output):
// osteele/liquid's put numbers before strings (2,10,3,1.5) and nothing
// first.
func TestSort(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("nums", []any{10.0, 2.0, "3", 1.5})
	l.Set("strs", []any{"b", "a", "C", "é", "10", "9"})
	obj := func(kv ...any) *jsvalue.Object {
		o := jsvalue.NewObject()
		for i := 0; i < len(kv); i += 2 {
			o.Set(kv[i].(string), kv[i+1])
		}
		return o
	}
	l.Set("objs", []any{obj("n", "b", "v", 2.0), obj("n", "a", "v", 1.0), obj("n", "c"), obj("n", "d", "v", "10"), obj("n", "e", "v", nil)})
	l.Set("nested", []any{obj("p", obj("q", 3.0)), obj("p", obj("q", 1.0)), obj("p", obj())})
	l.Set("mix", []any{3.0, nil, 1.0, nil, 2.0})
	l.Set("s", "cba")
	tmpl := "{{ nums | sort | join: ',' }}|{{ strs | sort | join: ',' }}|{{ objs | sort: 'v' | map: 'n' | join: ',' }}|{{ nested | sort: 'p.q' | map: 'p' | map: 'q' | join: ',' }}|{{ mix | sort | join: ',' }}|{{ s | sort | join }}|{{ nope | sort | size }}"
	want := "1.5,2,3,10|10,9,C,a,b,é|a,b,d,c,e|1,3,|1,2,3,,|cba|0"
	var r Renderer
	if got, err := r.Render(context.Background(), time.Second, Source{}, tmpl, l); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestMoreFilters: liquidjs's filters osteele/liquid lacks, which were
// "undefined filter" errors; each want is liquidjs 10.31.0's, with
// TZ=Europe/Paris.
func TestMoreFilters(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("d", "2024-03-05T07:08:09")
	var objs []any
	for i, n := range []string{"b", "a", "c"} {
		o := jsvalue.NewObject()
		o.Set("n", n)
		o.Set("v", float64(2-i))
		if i == 1 {
			o.Set("v", 1.0)
		}
		objs = append(objs, o)
	}
	l.Set("objs", objs)
	l.Set("a", []any{"x", "y", "z"})
	l.Set("s", " a  b\n\tc ")
	l.Set("u", "héllo wörld/?&=[]!'()*~ #+")
	l.Set("n", 5.0)
	inZone(t, "Europe/Paris", func() {
		expectRenders(t, l, []liquidjsCase{
			{"{{ d | date_to_xmlschema }}|{{ d | date_to_rfc822 }}|{{ d | date_to_string }}|{{ d | date_to_long_string }}|{{ d | date_to_string: 'ordinal' }}|{{ d | date_to_long_string: 'ordinal', 'US' }}|{{ nope | date_to_string }}|{{ 'x' | date_to_xmlschema }}", "2024-03-05T07:08:09+01:00|Tue, 05 Mar 2024 07:08:09 +0100|05 Mar 2024|05 March 2024|5th Mar 2024|March 5th, 2024||x"},
			{"{{ objs | jsonify }}|{{ '12.7' | to_integer }}|{{ 'x' | to_integer }}|{{ '<a href=\"x\">it</a>' | xml_escape }}", "[{\"n\":\"b\",\"v\":2},{\"n\":\"a\",\"v\":1},{\"n\":\"c\",\"v\":0}]|12.7|NaN|&lt;a href=&#34;x&#34;&gt;it&lt;/a&gt;"},
			{"{{ u | cgi_escape }}|{{ u | uri_escape }}", "h%C3%A9llo+w%C3%B6rld%2F%3F%26%3D%5B%5D%21%27%28%29%2A~+%23%2B|h%C3%A9llo%20w%C3%B6rld/?&=[]!'()*~%20#+"},
			{"[{{ s | normalize_whitespace }}]|[{{ s | squish }}]|{{ s | number_of_words }}|{{ '' | number_of_words }}|{{ n | number_of_words }}", "[ a b c ]|[a b c]|3|0|1"},
			{"{{ a | array_to_sentence_string }}|{{ a | array_to_sentence_string: 'or' }}|{{ a | slice: 0, 2 | array_to_sentence_string }}|{{ a | slice: 0 | array_to_sentence_string }}|{{ nope | array_to_sentence_string }}", "x, y, and z|x, y, or z|x and y|x|"},
			{"{{ a | push: 'w' | join: ',' }}|{{ a | unshift: 'w' | join: ',' }}|{{ a | pop | join: ',' }}|{{ a | shift | join: ',' }}|{{ nope | pop | size }}|{{ 'q' | push: 1 | join: ',' }}", "x,y,z,w|w,x,y,z|x,y|y,z|0|q,1"},
			{"{{ objs | has: 'n', 'a' }}|{{ objs | has: 'n', 'q' }}|{{ objs | has: 'v' }}|{{ objs | find_index: 'n', 'c' }}|{{ objs | find_index: 'v', 0 }}|{{ objs | find_index: 'n', 'z' }}|{{ objs | find_index: 'v' }}", "true|false|true|2|2||0"},
			{"{{ 'abc' | sha256 }}|{{ 'abc' | hmac_sha256: 'key' }}|{{ n | sha256 | size }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad|9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab|64"},
		})
	})
}

// TestJSONSeparators: json leaves U+2028 and U+2029 as they are, as
// JSON.stringify does (want is liquidjs 10.31.0's); Go's encoder escaped
// them. A backslash before "u2028" stays one.
func TestJSONSeparators(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("s", "a\u2028b\u2029c")
	l.Set("a", []any{`\u2028`, "x\u2028"})
	l.Set("b", "\\\u2028")
	want := "\"a\u2028b\u2029c\"|[\"\\\\u2028\",\"x\u2028\"]|\"\\\\\u2028\""
	var r Renderer
	if got, err := r.Render(context.Background(), time.Second, Source{}, "{{ s | json }}|{{ a | json }}|{{ b | json }}", l); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestContains: contains as liquidjs 10.31.0 has it (want is its
// output): an object contains nothing (osteele/liquid found its keys), a
// list an item equal to the value (1 is not "1"), a string the value's
// text.
func TestContains(t *testing.T) {
	l := jsvalue.NewObject()
	o := jsvalue.NewObject()
	o.Set("k", 1.0)
	l.Set("o", o)
	l.Set("a", []any{1.0, "2", []any{3.0}})
	l.Set("s", "abc undefined")
	l.Set("n", 123.0)
	l.Set("e", []any{})
	tmpl := "{% if o contains 'k' %}y{% else %}n{% endif %}{% if a contains 1 %}y{% else %}n{% endif %}{% if a contains '1' %}y{% else %}n{% endif %}{% if a contains 2 %}y{% else %}n{% endif %}{% if a contains '2' %}y{% else %}n{% endif %}{% if a contains nope %}y{% else %}n{% endif %}{% if s contains 'b' %}y{% else %}n{% endif %}{% if s contains nope %}y{% else %}n{% endif %}{% if s contains 'x' %}y{% else %}n{% endif %}{% if n contains 2 %}y{% else %}n{% endif %}{% if nope contains 'a' %}y{% else %}n{% endif %}{% if e contains nope %}y{% else %}n{% endif %}{% if 'a1' contains 1 %}y{% else %}n{% endif %}{% if s contains 'b' and a contains 1 %}y{% else %}n{% endif %}"
	want := "nynnynyynnnnyy"
	var r Renderer
	if got, err := r.Render(context.Background(), time.Second, Source{}, tmpl, l); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestUniq: uniq keeps what JavaScript's Set keeps (want is liquidjs
// 10.31.0's output); osteele/liquid's panicked on a list holding nil or a
// list, which stopped the render.
func TestUniq(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("a", []any{1.0, "1", 1.0, nil, "a", "A", []any{1.0}, []any{1.0}, nil, "a", true, true, 0.0, false})
	l.Set("e", []any{})
	l.Set("s", "x")
	want := "10|1,1,,a,A,1,1,true,0,false|0|x|0"
	var r Renderer
	if got, err := r.Render(context.Background(), time.Second, Source{}, "{{ a | uniq | size }}|{{ a | uniq | join: ',' }}|{{ e | uniq | size }}|{{ s | uniq | join }}|{{ nope | uniq | size }}", l); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestMultilineOutputs: an output whose expression spans lines renders
// (each want is liquidjs 10.31.0's); osteele/liquid wrote it out as text.
// An error in one quotes it as written, on its line.
func TestMultilineOutputs(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("x", "hi")
	l.Set("a", []any{1.0, 2.0})
	tmpl := "a  {{- x\n| upcase -}}  b|{{ x\n}}|{{\n x |\n append: '!' }}\n{{ a\n| join: ',' }}|{% for i in (1..2) %}{{ i\n| plus: 1 }}{% endfor %}|{{ 'a\nb' | size }}|{{ nope\n }}"
	want := "aHIb|hi|hi!\n1,2|23|3|"
	var r Renderer
	if got, err := r.Render(context.Background(), time.Second, Source{}, tmpl, l); err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	_, err := r.Render(context.Background(), time.Second, Source{}, "l1\nl2 {{ x\n| nosuch }}", l)
	var le *Error
	if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(le.Msg, "{{ x\n| nosuch }}") {
		t.Errorf("err = %#v", err)
	}
}

// TestHTMLAndURLFilters: strip_html, escape_once and url_decode as in
// liquidjs 10.31.0 (each want its output). strip_html kept a script's and
// a style's text, escape_once escaped the & of an entity it did not know
// (&foo;), and url_decode failed on %zz.
func TestHTMLAndURLFilters(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("h", "<p>a</p><script>x</script><!-- c -->b<style>s</style>c<br/>d < e")
	l.Set("u", "<a <!-- x")
	l.Set("v", "x<script>never closed <b>bold</b>")
	var r Renderer
	expectRenders(t, l, []liquidjsCase{
		{"{{ h | strip_html }}|{{ u | strip_html }}|{{ v | strip_html }}|{{ '<!-- open <b>x</b>' | strip_html }}|{{ 'a<b' | strip_html }}", "abcd < e|<a <!-- x|xnever closed bold|x|a<b"},
		{"{{ '&amp; &lt; &#39; &foo; & &#; &x1; <\"' | escape_once }}|{{ nope | escape_once }}|{{ 'é<ü' | escape_once }}", "&amp; &lt; &#39; &foo; &amp; &amp;#; &amp;x1; &lt;&#34;||é&lt;ü"},
		{"{{ 'a+b%20c%zz%E2%9C%93' | url_decode }}|{{ '%41%42' | url_decode }}|{{ nope | url_decode }}", "a b c%zz✓|AB|"},
	})
	if _, err := r.Render(context.Background(), time.Second, Source{}, "{{ '%FF' | url_decode }}", l); err == nil || !strings.Contains(err.Error(), "URI malformed") {
		t.Errorf("%%FF: err = %v, want URI malformed", err)
	}
}

// TestEchoAndWhenOr: echo prints its expression, and when takes "or"
// between its values, as in liquidjs 10.31.0 (each want its output): echo
// was an undefined tag, and "or" in when a syntax error.
func TestEchoAndWhenOr(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("n", 3.0)
	l.Set("s", "héllo")
	l.Set("a", []any{1.0, 2.0})
	expectRenders(t, l, []liquidjsCase{
		{"{% case n %}{% when 1 or 3 %}a{% when 2 %}b{% endcase %}|{% case s %}{% when 'x' or 'héllo' %}m{% endcase %}|{% case s %}{% when 'or', 'x' %}o{% else %}e{% endcase %}|{% case n %}{% when 4 or 5, 3 %}c{% endcase %}", "a|m|e|c"},
		{"{% echo 'hi' %}|{% echo s | upcase %}|{% echo nope %}|{%- echo a | join: ',' -%} |{% echo n\n| plus: 1 %}|{% echo %}|a {%- echo -%} b", "hi|HÉLLO||1,2|4||ab"},
	})
}

// TestListFiltersOfScalars: compact, concat and sort_natural take what is
// not a list as a list of itself, as liquidjs 10.31.0 does (each want its
// output); osteele/liquid's failed ("can't convert int(5)").
func TestListFiltersOfScalars(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("a", []any{2.0, nil, "b", "B", "a", 10.0, "é", "Z"})
	var objs []any
	for _, n := range []string{"b", "A", "", "c"} {
		o := jsvalue.NewObject()
		if n != "" {
			o.Set("n", n)
		}
		objs = append(objs, o)
	}
	l.Set("objs", objs)
	l.Set("n", 5.0)
	l.Set("s", "x")
	expectRenders(t, l, []liquidjsCase{
		{"{{ n | compact | join }}|{{ s | compact | join }}|{{ a | compact | join: ',' }}|{{ nope | compact | size }}", "5|x|2,b,B,a,10,é,Z|0"},
		{"{{ n | concat | join }}|{{ s | concat: a | join: ',' }}|{{ a | concat: n | size }}|{{ nope | concat: s | join }}|{{ a | concat: nope | size }}", "5|x,2,,b,B,a,10,é,Z|9|x|8"},
		{"{{ a | sort_natural | join: ',' }}|{{ objs | sort_natural: 'n' | map: 'n' | join: ',' }}|{{ n | sort_natural | join }}|{{ nope | sort_natural | size }}", "10,2,a,b,B,Z,é,|A,b,c,|5|0"},
	})
}

// TestLoopModifiers: offset, limit and reversed apply in liquidjs's order,
// whatever order they are written in (each want is liquidjs 10.31.0's):
// osteele/liquid reversed before it cut, and took a negative limit for
// none.
func TestLoopModifiers(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("a", []any{1.0, 2.0, 3.0, 4.0, 5.0})
	o := jsvalue.NewObject()
	for i, k := range []string{"x", "y", "z"} {
		o.Set(k, float64(i+1))
	}
	l.Set("o", o)
	l.Set("n", 2.0)
	l.Set("s", "str")
	expectRenders(t, l, []liquidjsCase{
		{"{% for x in a reversed limit: 2 %}{{ x }}{% endfor %}|{% for x in a limit: 2 reversed %}{{ x }}{% endfor %}|{% for x in a offset: 1 limit: 2 reversed %}{{ x }}{{ forloop.length }}{% endfor %}|{% for x in a limit: -1 %}x{% else %}none{% endfor %}|{% for x in a offset: -2 limit: 3 %}{{ x }}{% endfor %}", "21|21|3222|none|1"},
		{"{% for x in (1..5) reversed offset: n %}{{ x }}{% endfor %}|{% for p in o limit: 2 reversed %}{{ p[0] }}{% endfor %}|{% for x in s reversed limit: 1 %}{{ x }}{% endfor %}|{% for x in nope limit: 1 %}x{% else %}e{% endfor %}", "543|yx|str|e"},
		{"{%- for x in a limit: n reversed -%} {{ x }} {%- endfor -%}|{% for x in a limit:n %}{{ x }}{% endfor %}|{% for x in a limit: a.size %}{{ x }}{% endfor %}|{% for x in a offset: a[0] %}{{ x }}{% endfor %}", "21|12|12345|2345"},
		{"{% for x in a limit: '2' %}{{ x }}{% endfor %}|{% for x in a limit: 1.5 %}{{ x }}{% endfor %}|{% for x in a reversed %}{{ forloop.index }}{{ x }}{% endfor %}|{% tablerow x in a limit: 2 offset: 1 %}{{ x }}{% endtablerow %}", "12|1|1524334251|<tr class=\"row1\"><td class=\"col1\">2</td><td class=\"col2\">3</td></tr>"},
	})
}

// TestIncrementDecrement: liquidjs's increment and decrement tags (each
// want is liquidjs 10.31.0's output), which were undefined tags.
func TestIncrementDecrement(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("n", 5.0)
	l.Set("s", "x")
	expectRenders(t, l, []liquidjsCase{
		{"{% increment c %}{% increment c %}{% decrement c %}{% decrement d %}{% decrement d %}|{{ c }}|{{ d }}", "011-1-2|1|-2"},
		{"{% increment n %}{% increment n %}|{{ n }}|{% decrement s %}{{ s }}|{%- increment e -%} |{% for i in (1..3) %}{% increment k %}{% endfor %}{{ k }}", "56|7|-1-1|0|0123"},
	})
}

// TestLoopErrorsQuoteTheTag: an error in a loop whose modifiers were
// rewritten quotes its tag as written (it quoted "a: nil, a[0], false").
func TestLoopErrorsQuoteTheTag(t *testing.T) {
	l := jsvalue.NewObject()
	l.Set("a", []any{1.0, 2.0})
	var r Renderer
	for tmpl, want := range map[string]string{
		"{% for x in a limit: a[0] %}{{ x | divided_by: 0 }}{% endfor %}":            "{% for x in a limit: a[0] %}",
		"{%- for x in a reversed offset: 1 -%}{{ x | divided_by: 0 }}{%- endfor -%}": "{%- for x in a offset: 1 reversed -%}",
		"{% for x in (1..3) limit: a.size %}{{ x | divided_by: 0 }}{% endfor %}":     "{% for x in (1..3) limit: a.size %}",
	} {
		_, err := r.Render(context.Background(), time.Second, Source{}, tmpl, l)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Render(%q): err = %v; want it to quote %q", tmpl, err, want)
		}
	}
}

// TestNumbersPrintAsJavaScript: a number with a fraction, or past 2^53,
// from a variable or a filter prints as JavaScript writes it (each want
// is liquidjs 10.31.0's output); it printed in Go's %v (1e-05,
// 1.2345678901234567e+19).
func TestNumbersPrintAsJavaScript(t *testing.T) {
	l := jsvalue.NewObject()
	for k, v := range map[string]any{"r": 0.00001, "t": 1e-7, "big": 12345678901234567890.0, "h": 0.5, "neg": -2.5e-6, "arr": []any{0.00001, 1.5}} {
		l.Set(k, v)
	}
	expectRenders(t, l, []liquidjsCase{
		{"{{ r }}|{{ t }}|{{ big }}|{{ h }}|{{ neg }}|{{ arr | join: ',' }}|{{ arr }}|{{ r | json }}|{{ big | json }}", "0.00001|1e-7|12345678901234567000|0.5|-0.0000025|0.00001,1.5|0.000011.5|0.00001|12345678901234567000"},
		{"{{ r | plus: 0 }}|{{ 12345678901234567890 | plus: 1 }}|{{ 123456789 | times: 1000000000000 }}|{{ 0.1 | plus: 0.2 }}|{{ 1 | divided_by: 3 }}", "0.00001|12345678901234567000|123456789000000000000|0.30000000000000004|0.3333333333333333"},
		{"{% if r < 0.001 %}s{% endif %}|{% if h == 0.5 %}e{% endif %}|{% for i in (1..3) %}{{ i | times: 0.1 }},{% endfor %}|{{ h | round }}|{{ r | at_least: 0 }}|{{ arr | sum }}|{{ arr | sort | first }}", "s|e|0.1,0.2,0.30000000000000004,|1|0.00001|1.50001|0.00001"},
	})
}

// liquidjsCase is a template and what liquidjs 10.31.0 renders of it.
type liquidjsCase struct{ tmpl, want string }

// expectRenders renders each case's template with l and reports those
// whose output is not liquidjs's.
func expectRenders(t *testing.T, l *jsvalue.Object, cases []liquidjsCase) {
	t.Helper()
	var r Renderer
	for _, c := range cases {
		got, err := r.Render(context.Background(), time.Second, Source{}, c.tmpl, l)
		if err != nil || got != c.want {
			t.Errorf("Render(%q) = %q, %v; want %q", c.tmpl, got, err, c.want)
		}
	}
}
