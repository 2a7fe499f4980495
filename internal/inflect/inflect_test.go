package inflect

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"sync"
	"testing"
)

// golden is testdata/golden.json, produced by testdata/gen_golden.js from
// the npm packages hygen 6.2.11 installs.
type golden struct {
	Oracle  map[string]string `json:"oracle"`
	Columns []string          `json:"columns"`
	Rows    [][]any           `json:"rows"` // input, then one value per column; null where JS threw
	CaseMap [][3]any          `json:"caseMap"`
	Sigma   struct {
		Cased     [][2]rune `json:"cased"`
		Ignorable [][2]rune `json:"ignorable"`
	} `json:"finalSigma"`
	NoCase struct {
		Word          [][2]rune `json:"word"`
		Upper         [][2]rune `json:"upper"`
		Lower         [][2]rune `json:"lower"`
		LowerOrNumber [][2]rune `json:"lowerOrNumber"`
	} `json:"noCase"`
}

var loadGolden = sync.OnceValues(func() (*golden, error) {
	data, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		return nil, err
	}
	g := new(golden)
	return g, json.Unmarshal(data, g)
})

func goldenTable(t *testing.T) *golden {
	t.Helper()
	g, err := loadGolden()
	if err != nil {
		t.Fatalf("loading golden table: %v", err)
	}
	return g
}

func str(f func(string) string) func(string) any {
	return func(s string) any { return f(s) }
}

func flag(f func(string) bool) func(string) any {
	return func(s string) any { return f(s) }
}

// goCall maps each golden column, written as the JS call, to the Go port.
// A nil result stands for a thrown JS error.
var goCall = map[string]func(string) any{
	"inflection.pluralize(s)":         str(func(s string) string { return Pluralize(s) }),
	"inflection.singularize(s)":       str(func(s string) string { return Singularize(s) }),
	"inflection.inflect(s, 0)":        str(func(s string) string { return Inflect(s, 0) }),
	"inflection.inflect(s, 1)":        str(func(s string) string { return Inflect(s, 1) }),
	"inflection.inflect(s, 2)":        str(func(s string) string { return Inflect(s, 2) }),
	"inflection.camelize(s)":          str(func(s string) string { return Camelize(s, false) }),
	"inflection.camelize(s, true)":    str(func(s string) string { return Camelize(s, true) }),
	"inflection.underscore(s)":        str(func(s string) string { return Underscore(s, false) }),
	"inflection.underscore(s, true)":  str(func(s string) string { return Underscore(s, true) }),
	"inflection.humanize(s)":          str(func(s string) string { return Humanize(s, false) }),
	"inflection.humanize(s, true)":    str(func(s string) string { return Humanize(s, true) }),
	"inflection.capitalize(s)":        str(Capitalize),
	"inflection.dasherize(s)":         str(Dasherize),
	"inflection.titleize(s)":          str(Titleize),
	"inflection.demodulize(s)":        str(Demodulize),
	"inflection.tableize(s)":          str(Tableize),
	"inflection.classify(s)":          str(Classify),
	"inflection.foreign_key(s)":       str(func(s string) string { return ForeignKey(s, false) }),
	"inflection.foreign_key(s, true)": str(func(s string) string { return ForeignKey(s, true) }),
	"inflection.ordinalize(s)":        str(Ordinalize),
	"inflection.undasherize(s)": func(s string) any {
		out, err := Undasherize(s)
		if err != nil {
			return nil
		}
		return out
	},
	"capitalize(s)":                    str(UpperFirst),
	"changeCase.no(s)":                 str(No),
	"changeCase.dot(s)":                str(Dot),
	"changeCase.swap(s)":               str(Swap),
	"changeCase.path(s)":               str(Path),
	"changeCase.upper(s)":              str(Upper),
	"changeCase.lower(s)":              str(Lower),
	"changeCase.camel(s)":              str(func(s string) string { return Camel(s, false) }),
	"changeCase.camel(s, null, true)":  str(func(s string) string { return Camel(s, true) }),
	"changeCase.snake(s)":              str(Snake),
	"changeCase.title(s)":              str(Title),
	"changeCase.param(s)":              str(Param),
	"changeCase.header(s)":             str(Header),
	"changeCase.pascal(s)":             str(func(s string) string { return Pascal(s, false) }),
	"changeCase.pascal(s, null, true)": str(func(s string) string { return Pascal(s, true) }),
	"changeCase.constant(s)":           str(Constant),
	"changeCase.sentence(s)":           str(Sentence),
	"changeCase.isUpper(s)":            flag(IsUpper),
	"changeCase.isLower(s)":            flag(IsLower),
	"changeCase.ucFirst(s)":            str(UpperFirst),
	"changeCase.lcFirst(s)":            str(LowerFirst),
}

func TestGolden(t *testing.T) {
	g := goldenTable(t)
	t.Logf("oracle %v: %d inputs x %d functions", g.Oracle, len(g.Rows), len(g.Columns))
	if len(g.Rows) < 600 {
		t.Errorf("golden table has only %d inputs", len(g.Rows))
	}
	for _, col := range g.Columns {
		if goCall[col] == nil {
			t.Errorf("golden column %q has no Go counterpart", col)
		}
	}
	if len(goCall) != len(g.Columns) {
		t.Errorf("%d Go functions mapped, golden table has %d columns", len(goCall), len(g.Columns))
	}
	const maxReports = 60
	failures := 0
	for _, row := range g.Rows {
		input := row[0].(string)
		for c, col := range g.Columns {
			call := goCall[col]
			if call == nil {
				continue
			}
			want, got := row[c+1], call(input)
			if want == got {
				continue
			}
			failures++
			if failures <= maxReports {
				t.Errorf("%s with s=%q: want %#v, got %#v", col, input, want, got)
			}
		}
	}
	if failures > maxReports {
		t.Errorf("... %d mismatches in total", failures)
	}
}

func TestOverrides(t *testing.T) {
	cases := []struct{ name, got, want string }{
		{"pluralize override", Pluralize("person", "guys"), "guys"},
		{"pluralize empty override", Pluralize("person", ""), "people"},
		{"singularize override", Singularize("guys", "person"), "person"},
		{"inflect singular override", Inflect("guys", 1, "person"), "person"},
		{"inflect plural override", Inflect("person", 2, "", "guys"), "guys"},
		{"inflect plural ignores singular override", Inflect("person", 2, "x"), "people"},
		{"inflect fraction", Inflect("inches", 1.5), "inches"},
		{"inflect NaN", Inflect("person", math.NaN()), "person"},
		{"inflect infinity", Inflect("person", math.Inf(1)), "people"},
		{"inflect negative zero", Inflect("person", math.Copysign(0, -1)), "people"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestUndasherizeErrors(t *testing.T) {
	for _, s := range []string{"", "-", "a-", "-a", "a--b", "a_-b", "_"} {
		if got, err := Undasherize(s); !errors.Is(err, ErrEmptyWord) {
			t.Errorf("Undasherize(%q) = %q, %v; want ErrEmptyWord", s, got, err)
		}
	}
	if got, err := Undasherize("foo-bar_BAZ"); err != nil || got != "FooBarBaz" {
		t.Errorf(`Undasherize("foo-bar_BAZ") = %q, %v`, got, err)
	}
}

// Spot checks of the behaviours most likely to regress, readable without
// the golden table.
func TestExamples(t *testing.T) {
	cases := []struct{ name, got, want string }{
		{"irregular plural", Pluralize("person"), "people"},
		{"plural keeps lead case", Pluralize("PERSON"), "PEople"},
		{"uncountable", Pluralize("Sheep"), "Sheep"},
		{"already plural", Pluralize("women"), "women"},
		{"upstream analyses slip", Singularize("analyses"), "analyasis"},
		{"oxen prefix rule", Singularize("oxenford"), "oxford"},
		{"pipe in class", Pluralize("|ouse"), "|ice"},
		{"tableize", Tableize("MessageBusProperty"), "message_bus_properties"},
		{"classify", Classify("message_bus_properties"), "MessageBusProperty"},
		{"titleize", Titleize("of mice and men"), "Of Mice and Men"},
		{"ordinalize", Ordinalize("the 1 and 12 and 22"), "the 1st and 12th and 22nd"},
		{"camel digits", Camel("version 1.2.10", false), "version_1_2_10"},
		{"camel merged digits", Camel("version 1.2.10", true), "version1210"},
		{"acronym split", No("XMLHttpRequest"), "xml http request"},
		{"final sigma", No("ΟΔΟΣ ΟΔΟΣ"), "οδος οδος"},
		{"sigma before case-ignorable dot", Dot("ΑΣ.ΒΑ"), "ασ.βα"},
		{"sharp s", Title("straße"), "Straße"},
		{"expanding upper", Constant("straße"), "STRASSE"},
		{"emoji separates", Param("foo😀bar"), "foo-bar"},
		{"swap dotted I", Swap("İ"), "i̇"},
		{"astral first letter keeps case", UpperFirst("𐐨x"), "𐐨x"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func BenchmarkPluralize(b *testing.B) {
	words := []string{"person", "category", "message_bus_property", "Sheep", "status", "knife", "user"}
	for b.Loop() {
		for _, w := range words {
			Pluralize(w)
		}
	}
}

func BenchmarkSingularize(b *testing.B) {
	words := []string{"people", "categories", "message_bus_properties", "sheep", "statuses", "knives", "users"}
	for b.Loop() {
		for _, w := range words {
			Singularize(w)
		}
	}
}

func BenchmarkChangeCaseCamel(b *testing.B) {
	words := []string{"foo-bar_baz.qux", "XMLHttpRequest", "user_id", "version 1.2.10", "Ça va niño"}
	for b.Loop() {
		for _, w := range words {
			Camel(w, false)
		}
	}
}

func BenchmarkChangeCaseParam(b *testing.B) {
	words := []string{"fooBarBaz", "MessageBusProperty", "FOO_BAR", "already-kebab"}
	for b.Loop() {
		for _, w := range words {
			Param(w)
		}
	}
}
