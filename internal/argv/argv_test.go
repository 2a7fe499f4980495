package argv

import (
	"github.com/hypergen-dev/hypergen/internal/jsvalue"

	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestGolden replays every argument vector recorded from the real
// yargs-parser (see testdata/gen_golden.js) and requires identical values,
// types and key order.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var golden struct {
		Parser string
		Cases  []struct {
			Args        []string
			Positionals any
			Flags       any
		}
	}
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatal(err)
	}
	if golden.Parser != "yargs-parser@21.1.1" {
		t.Fatalf("golden data is from %s", golden.Parser)
	}
	for _, c := range golden.Cases {
		got := Parse(c.Args)
		pos := tag(got.Positionals)
		flags := tag(got.Flags)
		if !reflect.DeepEqual(pos, c.Positionals) || !reflect.DeepEqual(flags, c.Flags) {
			t.Errorf("Parse(%q)\n got positionals %s\n          flags %s\nwant positionals %s\n          flags %s",
				c.Args, toJSON(pos), toJSON(flags), toJSON(c.Positionals), toJSON(c.Flags))
		}
	}
	t.Logf("%d golden vectors", len(golden.Cases))
}

// tag converts a parsed value to the tagged form golden.json uses, with
// numbers as json.Unmarshal would decode them.
func tag(v any) any {
	switch v := v.(type) {
	case string:
		return map[string]any{"s": v}
	case bool:
		return map[string]any{"b": v}
	case float64:
		switch {
		case v == 0 && math.Signbit(v):
			return map[string]any{"n": "-0"}
		case math.IsInf(v, 0) || math.IsNaN(v):
			return map[string]any{"n": jsvalue.FormatNumber(v)}
		}
		return map[string]any{"n": v}
	case []any:
		items := make([]any, len(v))
		for i, e := range v {
			items[i] = tag(e)
		}
		return map[string]any{"a": items}
	case *jsvalue.Object:
		pairs := []any{}
		for _, k := range v.Keys() {
			val, _ := v.Get(k)
			pairs = append(pairs, []any{k, tag(val)})
		}
		return map[string]any{"o": pairs}
	}
	panic(fmt.Sprintf("unexpected value %#v", v))
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// TestNotable pins down behaviour that surprises people coming from other
// flag parsers; each case matches yargs-parser unless noted.
func TestNotable(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		pos   string
		flags string
	}{
		{"flag value true stays a string", []string{"--k", "true"}, `[]`, `{k: "true"}`},
		{"bare flag is true", []string{"gen", "new", "--force"}, `["gen", "new"]`, `{force: true}`},
		{"negation", []string{"--no-tests"}, `[]`, `{tests: false}`},
		{"negative number is a value", []string{"--offset", "-5"}, `[]`, `{offset: -5}`},
		{"short group", []string{"-abc", "v"}, `[]`, `{a: true, b: true, c: "v"}`},
		{"number glued to short flag", []string{"-n5"}, `[]`, `{n: 5}`},
		{"short flag takes -- as value", []string{"-a", "--", "b"}, `["b"]`, `{a: "--"}`},
		{"after -- nothing is coerced", []string{"--", "5", "-x"}, `["5", "-x"]`, `{}`},
		{"repeats collect", []string{"--tag", "a", "--tag", "b"}, `[]`, `{tag: ["a", "b"]}`},
		{"a repeated 1 is added, not collected", []string{"--x", "5", "--x", "1"}, `[]`, `{x: 6}`},
		{"adding 1 to a string concatenates", []string{"--x", "a", "--x", "b", "--x", "1"}, `[]`, `{x: "a,b1"}`},
		{"dot notation nests", []string{"--a.b", "1", "--a.c", "x"}, `[]`, `{a: {b: 1, c: "x"}}`},
		{"dashed flag gains camel-case twin", []string{"--with-tests"}, `[]`, `{with-tests: true, withTests: true}`},
		{"camel-case link persists", []string{"--foo-bar", "1", "--fooBar", "2"}, `[]`, `{foo-bar: [1, 2], fooBar: [1, 2]}`},
		{"upper-case flag is lowered for its twin", []string{"--FOO-BAR", "x"}, `[]`, `{FOO-BAR: "x", fooBar: "x"}`},
		{"leading zero keeps string", []string{"--v", "007", "007"}, `["007"]`, `{v: "007"}`},
		{"hex converts", []string{"0x10"}, `[16]`, `{}`},
		{"unsafe integer keeps string", []string{"9007199254740993"}, `["9007199254740993"]`, `{}`},
		{"quotes stripped only after =", []string{"--a='x'", "--b", "'x'"}, `[]`, `{a: "x", b: "'x'"}`},
		{"integer-like keys sort first", []string{"--b", "x", "--10", "y", "--2", "z"}, `[]`, `{2: "z", 10: "y", b: "x"}`},
		{"__proto__ is renamed", []string{"--__proto__", "x"}, `[]`, `{___proto___: "x"}`},
		{"flag named _ appends positionals", []string{"a", "--_", "b"}, `["a", "b"]`, `{}`},
		// Deviation: yargs-parser turns "_" into the string "a1" here and
		// throws on any later positional.
		{"flag named _ with value 1 appends", []string{"a", "--_", "1"}, `["a", 1]`, `{}`},
		// Deviation: yargs-parser nests any depth.
		{"63 dots nest", []string{"--" + strings.Repeat("a.", 63) + "b=1"}, `[]`, strings.Repeat("{a: ", 63) + `{b: 1}` + strings.Repeat("}", 63)},
		{"64 dots make one key", []string{"--" + strings.Repeat("a.", 64) + "b=1"}, `[]`, `{` + strings.Repeat("a.", 64) + `b: 1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.args)
			if pos := show(got.Positionals); pos != tt.pos {
				t.Errorf("Parse(%q) positionals = %s, want %s", tt.args, pos, tt.pos)
			}
			if flags := show(got.Flags); flags != tt.flags {
				t.Errorf("Parse(%q) flags = %s, want %s", tt.args, flags, tt.flags)
			}
		})
	}
}

// show renders a value like a compact JavaScript literal.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case float64:
		return jsvalue.FormatNumber(v)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *jsvalue.Object:
		var parts []string
		for _, k := range v.Keys() {
			val, _ := v.Get(k)
			parts = append(parts, k+": "+show(val))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	panic(fmt.Sprintf("unexpected value %#v", v))
}

func TestObjectGet(t *testing.T) {
	flags := Parse([]string{"--name", "Foo"}).Flags
	if v, ok := flags.Get("name"); !ok || v != "Foo" {
		t.Errorf(`Get("name") = %v, %v; want "Foo", true`, v, ok)
	}
	if v, ok := flags.Get("missing"); ok {
		t.Errorf(`Get("missing") = %v, true; want not found`, v)
	}
	if flags.Len() != 1 {
		t.Errorf("Len() = %d, want 1", flags.Len())
	}
}

func BenchmarkParse(b *testing.B) {
	args := []string{"component", "new", "Button", "--with-tests", "--story", "--path", "src/ui",
		"--tags", "a", "--tags", "b", "--props.size", "12", "-v", "--no-lint"}
	for b.Loop() {
		Parse(args)
	}
}
