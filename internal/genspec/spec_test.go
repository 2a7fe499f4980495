package genspec

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// The golden spec exercises every type and rule; testdata/*.golden hold what
// Apply made of each command line.
const spec = `name: component
description: A UI component
category: frontend
tags: [react, ui]
variables:
  name:
    type: string
    required: true
    pattern: ^[A-Z][A-Za-z]*$
    description: Component name
  style:
    type: enum
    values: [css, scss, none]
    default: css
  count:
    type: number
    min: 1
    max: 10
  tests:
    type: boolean
    default: true
  props:
    type: array
    max: 3
  meta:
    type: object
  code:
    type: string
`

func TestParse(t *testing.T) {
	s, err := Parse([]byte(spec))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range s.Variables {
		names = append(names, v.Name+":"+v.Type)
	}
	if got := strings.Join(names, " "); got != "name:string style:enum count:number tests:boolean props:array meta:object code:string" {
		t.Errorf("variables in file order = %s", got)
	}
	if s.Name != "component" || s.Category != "frontend" || strings.Join(s.Tags, ",") != "react,ui" || s.Description != "A UI component" {
		t.Errorf("header = %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"variables:\n  x:\n    type: date\n", `line 2: variable "x": unknown type "date"`},
		{"variables:\n  x:\n    type: enum\n", `variable "x": an enum needs values`},
		{"variables:\n  x:\n    pattern: '('\n", `variable "x": invalid pattern`},
		{"variables:\n  x:\n    type: number\n    default: abc\n", `variable "x": default: must be a number, got "abc"`},
		{"variables:\n  x:\n    type: enum\n    values: [a]\n    default: b\n", `default: must be one of a, got "b"`},
		{"variables: [a]\n", "variables must be a map"},
		{"nmae: x\n", `line 1: unknown key "nmae" (did you mean name?)`}, // it named a Go type
		{"name: x\nowner: me\n", `line 2: unknown key "owner" (keys: name, description, category, tags, variables)`},
		// A misspelt key inside a variable dropped its check silently.
		{"variables:\n  x:\n    type: string\n    require: true\n", `line 2: variable "x": unknown key "require" (did you mean required?)`},
		{"variables:\n  x: {type: number, minimum: 5}\n", `variable "x": unknown key "minimum" (keys: type, description, required, default, pattern, values, min, max)`},
		{"variables:\n  x: {type: number}\n  x: {type: string}\n", `line 3: variable "x" is defined twice`},
		{"variables:\n  x: {type: number, min: 5, max: 1}\n", `variable "x": min 5 is above max 1`},
		// The decoder's messages named Go types.
		{"- a\n", "invalid template.yml: line 1: want a mapping of keys (name, description, category, tags, variables), got a list"},
		{"tags: foo\n", `line 1: want a list of strings, got "foo"`},
		{"variables:\n  n: {type: number, min: \"1\"}\n", `variable "n": line 2: want a number, got "1"`},
		{"variables:\n  x: {required: 3}\n", `variable "x": line 2: want true or false, got "3"`},
		// Decoded into a Go bool, yes and a quoted "no" were taken, as
		// no boolean default is.
		{"variables:\n  x: {required: yes}\n", `variable "x": line 2: want true or false, got "yes"`},
		{"variables:\n  x: {required: \"no\"}\n", `variable "x": line 2: want true or false, got "no"`},
		{"variables:\n  x: {required: \"true\"}\n", `variable "x": line 2: want true or false, got "true"`},
		// Rules the type never applies, accepted and ignored before.
		{"variables:\n  style: {values: [css, scss]}\n", `variable "style": values apply to an enum only: add type: enum (the type is string)`},
		{"variables:\n  n: {type: number, pattern: '^[0-5]$'}\n", `variable "n": pattern applies to string and enum variables only, not to number variables`},
		{"variables:\n  b: {type: boolean, min: 5}\n", `variable "b": min and max apply to numbers, to the length of strings and to the items of arrays, not to boolean variables`},
		{"variables:\n  o: {type: object, max: 1}\n", `not to object variables`},
		{"variables:\n  with-tests: {type: boolean}\n  withTests: {type: string}\n", `line 3: variables "with-tests" and "withTests" are both "withTests"`},
		// Names no variable can have: help showed ts's default, and runs
		// used the timestamp; h's and __proto__'s defaults went nowhere;
		// locals replaced the template's locals object.
		{"variables:\n  ts: {type: number, default: 5}\n", `line 2: variable "ts": every run sets this local itself`},
		{"variables:\n  action: {type: string}\n", `variable "action": every run sets this local itself`},
		{"variables:\n  h: {default: x}\n", `variable "h": the name is the template's own`},
		{"variables:\n  locals: {default: x}\n", `variable "locals": the name is the template's own`},
		{"variables:\n  __proto__: {default: x}\n", `variable "__proto__": no local can have JavaScript's prototype key`},
		{"variables:\n  '': {default: x}\n", `line 2: variable "": the name is empty`},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestApply(t *testing.T) {
	s, err := Parse([]byte(spec))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		locals map[string]any
		text   map[string][]string // argv.Result.Text
	}{
		{"defaults", map[string]any{"name": "Button"}, nil},
		{"conversions", map[string]any{"name": "Button", "tests": "false", "props": "a, b", "meta": `{"x": 1}`, "code": 7.0, "count": 3.0}, nil},
		{"every problem at once", map[string]any{"style": "less", "count": "many", "props": "a,b,c,d", "tests": "maybe", "meta": "x"}, nil},
		{"pattern and bounds", map[string]any{"name": "button", "count": 11.0}, nil},
		// --code 1.10 --props 2.50 are 1.1 and 2.5 to yargs; a string or a
		// list takes the text as typed. A number given as text (a hook's
		// input question, --count 08, which yargs keeps as text) is one.
		{"typed text", map[string]any{"name": "Button", "code": 1.1, "props": 2.5, "count": "08"},
			map[string][]string{"code": {"1.10"}, "props": {"2.50"}, "count": {"08"}}},
		// --props 1.10 --props 2.50 --props x: the list keeps each text.
		{"typed list", map[string]any{"name": "Button", "props": []any{1.1, 2.5, "x"}},
			map[string][]string{"props": {"1.10", "2.50", "x"}}},
		// A hook's value, which differs from the flag's, stands.
		{"a hook's number", map[string]any{"name": "Button", "code": 2.0, "count": " 5 "}, map[string][]string{"code": {"1.10"}}},
		{"not numbers", map[string]any{"name": "Button", "count": " "}, nil},
		{"not finite", map[string]any{"name": "Button", "count": "Infinity"}, nil},
	}
	var got strings.Builder
	for _, tt := range tests {
		locals := jsvalue.NewObject()
		for _, k := range []string{"name", "style", "count", "tests", "props", "meta", "code"} {
			if v, ok := tt.locals[k]; ok {
				locals.Set(k, v)
			}
		}
		err := s.Apply(locals, nil, tt.text)
		got.WriteString("== " + tt.name + "\n")
		if err != nil {
			got.WriteString("error: " + strings.ReplaceAll(err.Error(), "; ", "\n       ") + "\n")
			continue
		}
		for _, k := range locals.Keys() {
			v, _ := locals.Get(k)
			got.WriteString(k + " = " + describe(v) + " (" + kind(v) + ")\n")
		}
	}
	golden := filepath.Join("testdata", "apply.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("Apply results differ from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got.String())
	}
}

func kind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case *jsvalue.Object:
		return "object"
	}
	return "other"
}

// Defaults YAML decodes to other Go types than int and map[string]any are
// JavaScript's numbers and objects, not "[object Object]" errors.
func TestParseDefaultsOfEveryYAMLShape(t *testing.T) {
	s, err := Parse([]byte("variables:\n  big: {type: number, default: 18446744073709551615}\n  keys: {type: object, default: {1: a, true: b}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d := s.Variables[0].Default; d != 18446744073709551615.0 {
		t.Errorf("big = %v", d)
	}
	if d, ok := s.Variables[1].Default.(*jsvalue.Object); !ok || describe(d) != `an object with keys ["1","true"]` {
		t.Errorf("keys = %v", s.Variables[1].Default)
	}
}

// A date is its text, as in frontmatter: a string variable's default of
// 2024-01-15 was refused ("must be a single value, got [object Object]").
func TestParseDatesAsText(t *testing.T) {
	s, err := Parse([]byte("variables:\n  day: {default: 2024-01-15}\n  days: {type: array, default: [2024-01-15, 2024-02-01T10:00:00Z]}\n  quoted: {type: enum, values: ['2024-01-15'], default: '2024-01-15'}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d := s.Variables[0].Default; d != "2024-01-15" {
		t.Errorf("day = %#v", d)
	}
	if d, ok := s.Variables[1].Default.([]any); !ok || len(d) != 2 || d[0] != "2024-01-15" || d[1] != "2024-02-01T10:00:00Z" {
		t.Errorf("days = %#v", s.Variables[1].Default)
	}
	if d := s.Variables[2].Default; d != "2024-01-15" {
		t.Errorf("quoted = %#v", d)
	}
}

// A variable with "-" in its name is read from, and set under, both names
// yargs gives its flag; a value of the wrong type never reaches a template.
func TestApplyEdges(t *testing.T) {
	s, err := Parse([]byte("variables:\n  with-tests: {type: boolean, default: true}\n  count: {type: number}\n  props: {type: array}\n  meta: {type: object}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		locals map[string]any
		want   string // the locals after Apply, or the error
	}{
		{"default under both names", nil, "with-tests=true withTests=true"},
		{"--with-tests false", map[string]any{"with-tests": "false", "withTests": "false"}, "with-tests=false withTests=false"},
		{"--withTests false", map[string]any{"withTests": "false"}, "withTests=false with-tests=false"},
		{"--withTests nope", map[string]any{"withTests": "nope"}, "error: with-tests must be true or false, got \"nope\""},
		{"--count ''", map[string]any{"count": ""}, "with-tests=true withTests=true"},
		{"bare --props", map[string]any{"props": true}, "error: props must be a list (a,b,c), got true"},
		{"--props 1", map[string]any{"props": 1.0}, "props=1 with-tests=true withTests=true"},
		{"--meta null", map[string]any{"meta": "null"}, `error: meta must be a JSON object or --meta.key value flags, got "null"`},
		{"--meta [1]", map[string]any{"meta": "[1]"}, `error: meta must be a JSON object or --meta.key value flags, got "[1]"`},
	} {
		locals := jsvalue.NewObject()
		for _, k := range slices.Sorted(maps.Keys(tt.locals)) {
			locals.Set(k, tt.locals[k])
		}
		var got []string
		if err := s.Apply(locals, nil, nil); err != nil {
			got = append(got, "error: "+err.Error())
		} else {
			for _, k := range locals.Keys() {
				v, _ := locals.Get(k)
				got = append(got, k+"="+jsvalue.ToString(v))
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, g, tt.want)
		}
	}
}

// Only a name with "-" has yargs' second name: URL is not url, and
// with_tests is not withTests.
func TestNoSecondNameWithoutDash(t *testing.T) {
	s, err := Parse([]byte("variables:\n  URL: {type: string, required: true}\n  url: {type: string, default: local}\n  with_tests: {type: boolean, default: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	locals := jsvalue.NewObject()
	locals.Set("URL", "http://remote")
	if err := s.Apply(locals, nil, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range locals.Keys() {
		v, _ := locals.Get(k)
		got = append(got, k+"="+jsvalue.ToString(v))
	}
	if g := strings.Join(got, " "); g != "URL=http://remote url=local with_tests=true" {
		t.Errorf("locals: %s", g)
	}
	only := jsvalue.NewObject()
	only.Set("url", "x")
	if err := s.Apply(only, nil, nil); err == nil || !strings.Contains(err.Error(), "URL is required") {
		t.Errorf("--url alone: %v, want URL required", err)
	}
}

// A merge key brings its mapping's keys, checked as the variable's own.
func TestParseMergeKeys(t *testing.T) {
	s, err := Parse([]byte("variables:\n  a: &common {type: string, required: true}\n  b:\n    <<: *common\n    description: B\n"))
	if err != nil || len(s.Variables) != 2 || !s.Variables[1].Required || s.Variables[1].Description != "B" {
		t.Fatalf("merge: %+v, %v", s, err)
	}
	if _, err := Parse([]byte("variables:\n  a: &common {type: string, require: true}\n  b:\n    <<: *common\n")); err == nil || !strings.Contains(err.Error(), `unknown key "require"`) {
		t.Errorf("a misspelt key through a merge: %v", err)
	}
}

func TestMisspelt(t *testing.T) {
	s, err := Parse([]byte("variables:\n  style: {type: string}\n  with-tests: {type: boolean}\n"))
	if err != nil {
		t.Fatal(err)
	}
	typos, meant := s.Misspelt([]string{"styel", "style", "name", "with-test", "withTest", "withTests", "other"})
	if !slices.Equal(typos, []string{"styel", "with-test"}) || !slices.Equal(meant, []string{"style", "with-tests"}) {
		t.Errorf("Misspelt = %v, %v", typos, meant)
	}
}

// The project's localsDefaults sit between the command line and the spec's
// defaults, checked as flags are: they slipped past the checks, and did not
// count for required.
func TestApplyLocalsDefaults(t *testing.T) {
	s, err := Parse([]byte("variables:\n  owner: {type: string, required: true}\n  n: {type: number, default: 1}\n  mode: {type: enum, values: [a, b]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	fallback := func(kv ...any) *jsvalue.Object {
		o := jsvalue.NewObject()
		for i := 0; i < len(kv); i += 2 {
			o.Set(kv[i].(string), kv[i+1])
		}
		return o
	}
	for _, tt := range []struct {
		name         string
		flags, deflt *jsvalue.Object
		want         string
	}{
		{"required from localsDefaults", fallback(), fallback("owner", "team", "n", 5.0), "owner=team n=5"},
		{"flags over localsDefaults", fallback("owner", "me"), fallback("owner", "team"), "owner=me n=1"},
		{"checked as flags", fallback("owner", "me"), fallback("mode", "zzz", "n", "many"),
			`error: n (from localsDefaults) must be a number, got "many"; mode (from localsDefaults) must be one of a, b, got "zzz"`},
	} {
		var got []string
		if err := s.Apply(tt.flags, tt.deflt, nil); err != nil {
			got = append(got, "error: "+err.Error())
		} else {
			for _, k := range tt.flags.Keys() {
				v, _ := tt.flags.Get(k)
				got = append(got, k+"="+jsvalue.ToString(v))
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, g, tt.want)
		}
	}
}

// A pattern match its time limit stopped says so: it was reported as a
// value that does not match, which a valid value, given time, might.
func TestPatternTimeoutIsNotAMismatch(t *testing.T) {
	s, err := Parse([]byte("variables:\n  name:\n    type: string\n    pattern: \"^(a|aa)+(?=c)$\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	v := &s.Variables[0]
	v.re.MatchTimeout = 10 * time.Millisecond
	err = v.check(strings.Repeat("a", 40) + "b")
	if err == nil || !strings.Contains(err.Error(), "could not be matched against") || strings.Contains(err.Error(), "must match") {
		t.Errorf("err = %v", err)
	}
	if err := v.check("ab"); err == nil || !strings.Contains(err.Error(), "must match") {
		t.Errorf("a quick mismatch: err = %v", err)
	}
}

// Aliases may copy up to maxAliasedBytes of text in all, counted as
// expanded (aliases of aliases included), whatever the number of aliases.
func TestAliasesCopyBoundedText(t *testing.T) {
	kb := strings.Repeat("x", 1<<10)
	mb := strings.Repeat("x", 1<<20)
	refs := func(name string, n int) string { return "[" + strings.Repeat("*"+name+", ", n-1) + "*" + name + "]" }
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"a thousand aliases of 1 KiB", "variables:\n  a:\n    type: string\n    default: &b " + kb + "\n  l:\n    type: array\n    default: " + refs("b", 1000) + "\n", true},
		{"fifteen aliases of 1 MiB", "variables:\n  a:\n    type: string\n    default: &b " + mb + "\n  l:\n    type: array\n    default: " + refs("b", 15) + "\n", true},
		{"seventeen aliases of 1 MiB", "variables:\n  a:\n    type: string\n    default: &b " + mb + "\n  l:\n    type: array\n    default: " + refs("b", 17) + "\n", false},
		{"aliases of aliases", "variables:\n  a:\n    type: string\n    default: &b " + kb + "\n  l:\n    type: array\n    default: &l " + refs("b", 100) +
			"\n  m:\n    type: object\n    default: {x: " + refs("l", 100) + ", y: " + refs("l", 100) + "}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.text))
			if tt.ok != (err == nil) || (err != nil && !strings.Contains(err.Error(), "aliases copy more than 16 MiB of text")) {
				t.Errorf("Parse() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
