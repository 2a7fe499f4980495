package frontmatter

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Frontmatter with tabs in the indentation of its lines reads as js-yaml 3
// reads it (each want is js-yaml 3.15.2's load of the text, as JSON, or an
// error where it fails). yaml.v3 refused every tab there, so a stray tab on
// a blank line failed the template, and with it the whole run.
func TestParseTabsLikeJSYAML(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"to: a\n\t\nmessage: hi", `{"to":"a","message":"hi"}`},
		{"to: b\n\t# a tab-indented comment", `{"to":"b"}`},
		{"to: c\n\tforce: true", `{"to":"c","force":true}`},
		{"to:\ta\n\tx:\t1", `{"to":"a","x":1}`},
		{"obj:\n\ta: 1", `{"obj":null,"a":1}`},
		{"nested:\n \tdeep:\n    k: v\n  other: 3", `{"nested":{"deep":{"k":"v"},"other":3}}`},
		{"to: a\nnested:\t# t\n \tdeep:\n    k: v", `{"to":"a","nested":{"deep":{"k":"v"}}}`},
		{"obj:\n  \ta: 1\n  b: two", `error`},
		{"list:\n- a\n\t- b", `{"list":["a","b"]}`},
		{"list:\n\t  - x\n  - y", `error`},
		{"to: a\nbody: |\n  line1\n  line2\n \t\nafter: 1", `{"to":"a","body":"line1\nline2\n","after":1}`},
		{"to: a\nbody: |\n  \tline1\n  line2\n\t\tafter: 1", `{"to":"a","body":"\tline1\nline2\n","after":1}`},
		{"to: a\nsh: |\t# t\n \techo hi\n  ls\ninject: true", `{"to":"a","sh":"\techo hi\n ls\n","inject":true}`},
		{"to: a\nbody: |\n  line1\n \t\n  line2\nafter: 1", `error`},
		{"# note\n \tto: a\ninject: true", `error`},
		// Inside a flow collection js-yaml's reading is its own: left as
		// an error, where a rewrite made a value.
		{"b: 2\ns: [1,\n\ta: 1\n\t2]", `error`},
		{"s: [1,\n  2]\n\tt: 3", `{"s":[1,2],"t":3}`},
		// Not tabs: an indented first key and a line indented less. yaml.v3
		// read a second document there and dropped it, and what followed.
		{"# c\n  to: a\ninject: true", `error`},
	}
	for _, tt := range tests {
		attrs, _, err := Parse("---\n" + tt.yaml + "\n---\nbody\n")
		got := "error"
		if err == nil {
			got = jsonOf(attrs)
		}
		if got != tt.want {
			t.Errorf("%q: got %s, want %s (err %v)", tt.yaml, got, tt.want, err)
		}
	}
}

// jsonOf is v as JSON.stringify writes it, keys in the object's order.
func jsonOf(v any) string {
	switch x := v.(type) {
	case *jsvalue.Object:
		var b strings.Builder
		b.WriteByte('{')
		for i, k := range x.Keys() {
			if i > 0 {
				b.WriteByte(',')
			}
			val, _ := x.Get(k)
			b.WriteString(jsonOf(k) + ":" + jsonOf(val))
		}
		return b.String() + "}"
	case []any:
		parts := make([]string, len(x))
		for i := range x {
			parts[i] = jsonOf(x[i])
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// An explicit !!int takes only an integer's forms, as js-yaml's (each want
// is js-yaml 3.15.2's); 1.5 and 1e3 were taken as numbers.
func TestExplicitIntTag(t *testing.T) {
	parsesAs(t, []yamlCase{
		{"v: !!int 12", `{"v":12}`},
		{"v: !!int 0x1E", `{"v":30}`},
		{"v: !!int 1_000", `{"v":1000}`},
		{"v: !!int 1:30", `{"v":90}`},
		{"v: !!int 017", `{"v":15}`},
		{"v: !!int 1.5", `error`},
		{"v: !!int 1e3", `error`},
		{"v: !!int .inf", `error`},
		{"v: !!float 3", `{"v":3}`},
	})
}

// A plain scalar tagged "!" is a string in js-yaml, whatever it looks like;
// yaml.v3 drops the tag. Each want is js-yaml 3.15.2's.
func TestNonSpecificTag(t *testing.T) {
	parsesAs(t, []yamlCase{
		{"v: ! 12", `{"v":"12"}`},
		{"v: ! true", `{"v":"true"}`},
		{"v: ! ~", `{"v":"~"}`},
		{"v: &a ! 12\nw: *a", `{"v":"12","w":"12"}`},
		{"v: ! &a 12", `{"v":"12"}`},
		{"v: [! 1, 2]", `{"v":["1",2]}`},
		{"v: {! 1: ! 2}", `{"v":{"1":"2"}}`},
		{"v: !\n  12", `{"v":12}`},
		{"v: ! [1]", `{"v":[1]}`},
		{"v: a! 1", `{"v":"a! 1"}`},
		{"v: 1 !", `{"v":"1 !"}`},
		{"é: ! 12", `{"é":"12"}`},
		{"v: !\t12", `{"v":"12"}`},
		{"v: !!str 1\nw: ! 2\nx: 3", `{"v":"1","w":"2","x":3}`},
	})
}

// yamlCase is frontmatter and the JSON of what it parses to, or "error".
type yamlCase struct{ yaml, want string }

func parsesAs(t *testing.T, cases []yamlCase) {
	t.Helper()
	for _, tt := range cases {
		attrs, _, err := Parse("---\n" + tt.yaml + "\n---\nbody\n")
		got := "error"
		if err == nil {
			got = jsonOf(attrs)
		}
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.yaml, got, tt.want)
		}
	}
}
