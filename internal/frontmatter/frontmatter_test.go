package frontmatter

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

func TestSplitText(t *testing.T) {
	tests := []struct {
		name, in, yaml, body string
		line                 int
	}{
		{"simple", "---\nto: a\n---\nbody\n", "to: a", "body\n", 4},
		{"blank lines after fence are dropped", "---\nto: a\n---\n\n  \n\nbody", "to: a", "body", 7},
		{"leading spaces of first body line kept", "---\nto: a\n---\n  body", "to: a", "  body", 4},
		{"crlf", "---\r\nto: a\r\n---\r\nbody\r\n", "to: a", "body\r\n", 4},
		{"dots close", "---\nto: a\n...\nbody", "to: a", "body", 4},
		{"no frontmatter", "hello\n---\nx\n---\n", "", "hello\n---\nx\n---\n", 1},
		{"unclosed", "---\nto: a\nbody", "", "---\nto: a\nbody", 1},
		{"only first block", "---\na: 1\n---\n---\nb: 2\n---\n", "a: 1", "---\nb: 2\n---\n", 4},
		{"bom", "\uFEFF---\na: 1\n---\nx", "a: 1", "x", 4},
		{"empty block", "---\n---\nx", "", "x", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitText(tt.in)
			if got.YAML != tt.yaml || got.Body != tt.body || got.BodyLine != tt.line {
				t.Errorf("SplitText(%q) = {yaml %q, body %q, line %d}, want {%q, %q, %d}",
					tt.in, got.YAML, got.Body, got.BodyLine, tt.yaml, tt.body, tt.line)
			}
		})
	}
}

func TestParseScalarsLikeJSYAML(t *testing.T) {
	text := "---\n" +
		"s: hello\nq: '007'\ni: 007\nh: 0x1F\nb: 0b101\nu: 1_000\nsx: 1:30\nf: 1.5e3\nn: ~\ne:\n" +
		"t: true\ny: yes\ninf: -.inf\nre: !!js/regexp /^foo$/gi\nplain_re: !!js/regexp abc\n" +
		"list: [1, two]\nmap: {a: 1}\nstr: !!str 12\n---\n"
	attrs, _, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"s": "hello", "q": "007", "i": 7.0, "h": 31.0, "b": 5.0, "u": 1000.0, "sx": 90.0, "f": 1500.0,
		"n": nil, "e": nil, "t": true, "y": "yes", "inf": math.Inf(-1),
		"re": &jsvalue.RegExp{Source: "^foo$", Flags: "gi"}, "plain_re": &jsvalue.RegExp{Source: "abc"},
		"list": []any{1.0, "two"}, "str": "12",
	}
	for k, w := range want {
		got, ok := attrs.Get(k)
		if !ok || !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %#v, want %#v", k, got, w)
		}
	}
	m, _ := attrs.Get("map")
	if obj, ok := m.(*jsvalue.Object); !ok || obj.Len() != 1 {
		t.Errorf("map = %#v", m)
	}
	wantOrder := []string{"s", "q", "i", "h", "b", "u", "sx", "f", "n", "e", "t", "y", "inf", "re", "plain_re", "list", "map", "str"}
	if got := attrs.Keys(); !reflect.DeepEqual(got, wantOrder) {
		t.Errorf("key order = %v", got)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"bad indentation", "---\nto: a\n  b: [\n---\nx", 3},
		{"duplicate key", "---\nto: a\nto: b\n---\nx", 3},
		{"not a mapping", "---\n- a\n---\nx", 2},
		{"unknown tag", "---\nto: !foo bar\n---\nx", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse(tt.in)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse error = %v, want *SyntaxError", err)
			}
			if se.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", se.Line, tt.line, se)
			}
		})
	}
}

// The YAML parser ends lines at "\r" too; errors name lines of the file,
// which end at "\n".
func TestFileLine(t *testing.T) {
	tests := []struct {
		src             string
		n, offset, want int
	}{
		{"a: 1\nb: [", 2, 1, 3},
		{"a: 1\r\nb: [", 2, 1, 3},
		{"a: 1\rb: [", 2, 1, 2},
		{"!\r \r!!", 3, 0, 1},
		{"a\u2028b\nc", 3, 0, 2},
		{"a", 5, 2, 3},
		{"a", 0, 4, 0},
	}
	for _, tt := range tests {
		if got := fileLine(tt.src, tt.n, tt.offset); got != tt.want {
			t.Errorf("fileLine(%q, %d, %d) = %d, want %d", tt.src, tt.n, tt.offset, got, tt.want)
		}
	}
}

// !!js/regexp as js-yaml 3 reads it: at most three of g, i and m after the
// closing slash, none twice; a value without a leading slash is all source.
func TestParseRegExp(t *testing.T) {
	for in, want := range map[string]string{
		"/abc/gim": "abc|gim", "/a/b/g": "a/b|g", "/": "|", "/gim": "|gim", "abc": "abc|", "a/b/u": "a/b/u|",
	} {
		re, err := parseRegExp(in)
		if err != nil || re.Source+"|"+re.Flags != want {
			t.Errorf("parseRegExp(%q) = %+v, %v; want %s", in, re, err, want)
		}
	}
	for _, in := range []string{"/abc", "/abc/u", "/abc/imgx", "/abc/gg", "/abc/gimg"} {
		if re, err := parseRegExp(in); err == nil {
			t.Errorf("parseRegExp(%q) = %+v, want an error", in, re)
		}
	}
}

// Nested aliases that would expand to millions of values (the "billion
// laughs") are refused at once, naming the line; aliases within bounds
// decode to copies of what they name.
func TestAliasExpansionIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	b.WriteString("to: out.txt\n---\nx\n")
	_, _, err := Parse(b.String())
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "aliases expand to more than 100000 values") || se.Line < 3 {
		t.Fatalf("Parse of an alias bomb = %v, want a SyntaxError naming the bound and a line of the aliases", err)
	}

	// Few aliases of a long string: each is rendered on its own, so the
	// text they copy is bounded too (1,000 of a 1 MB string took 1 GB).
	b.Reset()
	b.WriteString("---\nbig: &big \"" + strings.Repeat("x", 1<<20) + "<%= 1 %>\"\n")
	for i := range 17 {
		fmt.Fprintf(&b, "k%d: *big\n", i)
	}
	b.WriteString("to: out.txt\n---\nx\n")
	if _, _, err = Parse(b.String()); !errors.As(err, &se) || !strings.Contains(se.Msg, "aliases expand to more than 16 MiB of text") {
		t.Fatalf("Parse of 17 aliases of 1 MiB = %v, want a SyntaxError naming the bound", err)
	}

	attrs, _, err := Parse("---\nbase: &b {to: a.txt, list: [1, 2]}\ncopy: *b\nmerged: {<<: *b, to: b.txt}\n---\n")
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"copy": "{to:a.txt list:[1 2]}", "merged": "{to:b.txt list:[1 2]}"} {
		v, _ := attrs.Get(key)
		if got := dump(v); got != want {
			t.Errorf("%s = %s, want %s", key, got, want)
		}
	}
}

// dump shows a decoded value, objects with their keys in order.
func dump(v any) string {
	switch x := v.(type) {
	case *jsvalue.Object:
		var parts []string
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			parts = append(parts, k+":"+dump(e))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, dump(e))
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return jsvalue.ToString(v)
}

// "\/" is an escape of YAML 1.2 and js-yaml in double-quoted scalars; in
// plain and single-quoted ones it is two characters.
func TestParseSlashEscape(t *testing.T) {
	text := "---\n" +
		"before: \"<\\/body>\"\n" +
		"plain: a\\/b # \"not\\/quoted\"\n" +
		"single: 'it''s \\/'\n" +
		"dash: x-\"y\\/z\"\n" +
		"list: [\"p\\/q\", 'r\\/s']\n" +
		"long: \"one \\\\ \\\"two\\/\n  three\\/\"\n" +
		"---\n"
	attrs, _, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"before": "</body>", "plain": `a\/b`, "single": `it's \/`, "dash": `x-"y\/z"`,
		"list": []any{"p/q", `r\/s`}, "long": `one \ "two/ three/`,
	}
	for k, w := range want {
		if got, _ := attrs.Get(k); !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %#v, want %#v", k, got, w)
		}
	}
	// Block scalars are copied as they are; flow collections, anchors and
	// tags before a quoted scalar are read (checked against js-yaml 3).
	attrs, _, err = Parse("---\n" +
		"to: \"out\\/a.txt\"\n" +
		"echo: |\n  \"C:\\/temp\" stays\n  - 'x\\/y'\n" +
		"json: {\"k\":\"b\\/c\"}\n" +
		"anchor: &x \"p\\/q\"\n" +
		"tagged: !!str \"r\\/s\"\n" +
		"---\n")
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range map[string]any{"to": "out/a.txt", "echo": "\"C:\\/temp\" stays\n- 'x\\/y'\n", "anchor": "p/q", "tagged": "r/s"} {
		if got, _ := attrs.Get(k); !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %#v, want %#v", k, got, w)
		}
	}
	if json, _ := attrs.Get("json"); json == nil {
		t.Error("json missing")
	} else if v, _ := json.(*jsvalue.Object).Get("k"); v != "b/c" {
		t.Errorf("json.k = %#v, want b/c", v)
	}
	// Other unknown escapes are still errors.
	if _, _, err := Parse("---\na: \"\\q\"\n---\n"); err == nil {
		t.Error(`"\q" parsed`)
	}
}

// A leading zero followed by more digits makes no float for js-yaml 3.
func TestParseLeadingZeroIsAString(t *testing.T) {
	attrs, _, err := Parse("---\na: 08\nb: 09.5\nc: 00.5\nd: -08\ne: 0_8\nf: 012e3\ng: 0.5\nh: 010\ni: 1_\nj: 0_\nk: 1_0\n---\n")
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range map[string]any{"a": "08", "b": "09.5", "c": "00.5", "d": "-08", "e": "0_8", "f": "012e3", "g": 0.5, "h": 8.0, "i": "1_", "j": "0_", "k": 10.0} {
		if got, _ := attrs.Get(k); !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %#v, want %#v", k, got, w)
		}
	}
}
