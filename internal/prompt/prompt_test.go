package prompt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

var (
	u      = jsvalue.Undefined
	colors = []string{"red", "green", "blue"}
)

func q(typ string, initial any) Question {
	return Question{Type: typ, Name: "x", Initial: initial, Choices: colors}
}

// TestInitial: what enquirer answers on enter, per type.
func TestInitial(t *testing.T) {
	tests := []struct {
		q      Question
		want   string // fmt %#v-ish: %v of the answer
		wantOK bool
	}{
		{q("input", u), "<nil>", false},
		{q("input", 5.0), "5", true},
		{q("password", "pw"), "pw", true},
		{q("confirm", true), "true", true},
		{q("confirm", "no"), "false", true},
		{q("toggle", "yes"), "true", true},
		{q("numeral", 3.5), "3.5", true},
		{q("numeral", "12"), "12", true},
		{q("numeral", "lots"), "0", true}, // enquirer submits 0
		{q("list", "a, b,c"), "[a b c]", true},
		{q("select", 1.0), "green", true},
		{q("select", "blue"), "blue", true},
		{q("select", "purple"), "red", true}, // the first choice stays focused
		{q("autocomplete", 2.0), "blue", true},
		{q("multiselect", []any{"blue", 0.0}), "[red blue]", true}, // in choice order
		{q("multiselect", "green"), "[green]", true},
		{q("multiselect", u), "<nil>", false},
		{q("multiselect", -0.5), "[red]", true}, // enquirer clamps the index
		{q("multiselect", object("green", "red")), "[red green]", true},
	}
	for _, tt := range tests {
		got, ok, err := Initial(tt.q)
		if err != nil || ok != tt.wantOK || fmt.Sprint(got) != tt.want {
			t.Errorf("Initial(%s, %v) = %v, %v, %v; want %s, %v", tt.q.Type, tt.q.Initial, got, ok, err, tt.want, tt.wantOK)
		}
	}
	if _, _, err := Initial(q("snippet", "x")); err == nil || !strings.Contains(err.Error(), `"snippet"`) {
		t.Errorf("an unknown type: err = %v", err)
	}
}

// TestCheckInitial: the initial values enquirer's select and multiselect
// throw on as they start (each case run in enquirer 2.4, choices a, b, c);
// colors stand for them here.
func TestCheckInitial(t *testing.T) {
	tests := []struct {
		q       Question
		problem string // in the error; "" for none
	}{
		{q("multiselect", []any{"red", "purple"}), `names "purple", which is not one of its choices (red, green, blue)`},
		{q("multiselect", []any{"red", 2.0}), ""},
		{q("multiselect", []any{3.0}), "names 3,"},
		{q("multiselect", 3.0), "names 3,"},
		{q("multiselect", 2.5), "names 2.5,"},
		{q("multiselect", "purple"), ""}, // a name alone that is not a choice picks nothing
		{q("multiselect", -0.5), ""},
		{q("multiselect", object("green")), ""},
		{q("multiselect", object("purple")), `names "purple"`},
		{q("multiselect", []any{object("q")}), ""}, // an object is enabled as it is
		{q("multiselect", []any{"1"}), `names "1"`},
		{q("multiselect", []any{true}), "names true,"},
		{q("select", 3.0), "names 3,"},
		{q("select", 2.5), "names 2.5,"},
		{q("select", "purple"), ""},
		{q("select", []any{"purple"}), `names "purple"`},
		{q("select", -0.5), ""},
		{q("select", 2.0), ""},
		{q("input", []any{"purple"}), ""},
		{q("multiselect", u), ""},
	}
	for _, tt := range tests {
		err := CheckInitial(tt.q)
		if (err == nil) != (tt.problem == "") || err != nil && !strings.Contains(err.Error(), tt.problem) {
			t.Errorf("CheckInitial(%s, %#v) = %v, want %q", tt.q.Type, tt.q.Initial, err, tt.problem)
		}
	}
}

// TestCoerce: flags and --answers values become the type's value, or an
// error naming what is wrong and, for choices, the choices.
func TestCoerce(t *testing.T) {
	tests := []struct {
		q       Question
		in      any
		want    string
		wantErr string
	}{
		{q("input", u), 7.0, "7", ""},
		{q("input", u), jsvalue.NewObject(), "", "not text"},
		{q("confirm", u), "yes", "true", ""},
		{q("toggle", u), "false", "false", ""},
		{q("confirm", u), true, "true", ""},
		{q("confirm", u), "maybe", "", `"maybe" is not yes or no`},
		{q("numeral", u), "4.25", "4.25", ""},
		{q("numeral", u), 3.0, "3", ""},
		{q("numeral", u), "four", "", `"four" is not a number`},
		{q("list", u), "a, b", "[a b]", ""},
		{q("list", u), []any{"a", 1.0}, "[a 1]", ""},
		{q("select", u), "green", "green", ""},
		{q("autocomplete", u), "purple", "", `"purple" is not one of the choices (red, green, blue)`},
		{q("select", u), "zzz", "", `"zzz" is not one of the choices (red, green, blue)`},
		{q("multiselect", u), "red,blue", "[red blue]", ""},
		{q("multiselect", u), "blue,red,blue", "[red blue]", ""}, // choice order, once each
		{q("multiselect", u), []any{"blue"}, "[blue]", ""},
		{q("multiselect", u), []any{"blue", "pink"}, "", `"pink" is not one of the choices`},
	}
	for _, tt := range tests {
		got, err := Coerce(tt.q, tt.in)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Coerce(%s, %v): err = %v, want it to say %q", tt.q.Type, tt.in, err, tt.wantErr)
			}
		case err != nil || fmt.Sprint(got) != tt.want:
			t.Errorf("Coerce(%s, %v) = %v, %v; want %s", tt.q.Type, tt.in, got, err, tt.want)
		}
	}
}

// TestParse: lines typed at a terminal.
func TestParse(t *testing.T) {
	tests := []struct {
		q           Question
		line        string
		want        string
		wantProblem bool
	}{
		{q("input", u), "", "", false},
		{q("input", "dflt"), "  ", "dflt", false},
		{q("select", u), "2", "green", false},
		{q("select", u), "", "", true},
		{q("select", u), "blue", "blue", false},
		{q("autocomplete", u), "BL", "blue", false},
		{q("autocomplete", u), "e", "", true}, // red, green and blue all match
		{q("multiselect", u), "3, red", "[red blue]", false},
		{q("multiselect", u), "", "[]", false},
		{q("numeral", u), "", "0", false},
		{q("confirm", u), "Y", "true", false},
	}
	for _, tt := range tests {
		got, problem := Parse(tt.q, tt.line)
		if (problem != "") != tt.wantProblem || (!tt.wantProblem && fmt.Sprint(got) != tt.want) {
			t.Errorf("Parse(%s, %q) = %v, %q; want %s (problem: %v)", tt.q.Type, tt.line, got, problem, tt.want, tt.wantProblem)
		}
	}
}

// object is a JavaScript object with the given keys, each set to 1.
func object(keys ...string) *jsvalue.Object {
	o := jsvalue.NewObject()
	for _, k := range keys {
		o.Set(k, 1.0)
	}
	return o
}

// TestListSplitsAsEnquirer: a list question's text splits as enquirer's
// list prompt splits it, at /, */ or its separator, keeping the spaces
// before a comma and empty items (each want is enquirer 2.4's, in hygen
// 6.2.11 at a terminal or by hand in Node). They were trimmed and dropped.
// A number question that rounds gives Math.round's whole number.
func TestListSplitsAsEnquirer(t *testing.T) {
	pipe := Question{Type: "list", Separator: func(s string) []string { return strings.Split(s, "|") }}
	for _, tt := range []struct {
		q    Question
		in   any
		want string
	}{
		{Question{Type: "list"}, "a ,b,  c", `["a " "b" "c"]`},
		{Question{Type: "list"}, "a,,b,", `["a" "" "b" ""]`},
		{Question{Type: "list"}, "", `[]`},
		{pipe, "x|y,z", `["x" "y,z"]`},
		{Question{Type: "numeral", Round: true}, "2.6", `3`},
		{Question{Type: "numeral", Round: true}, 2.5, `3`},
		{Question{Type: "numeral", Round: true}, -2.5, `-2`},
		{Question{Type: "numeral"}, "2.6", `2.6`},
	} {
		tt.q.Initial = tt.in
		got, _, err := Initial(tt.q)
		if err != nil || fmt.Sprintf("%q", got) != tt.want && fmt.Sprint(got) != tt.want {
			t.Errorf("Initial(%s, %q) = %q, %v; want %s", tt.q.Type, tt.in, got, err, tt.want)
		}
		if s, ok := tt.in.(string); ok && s != "" {
			got, problem := Parse(tt.q, s)
			if problem != "" || fmt.Sprintf("%q", got) != tt.want && fmt.Sprint(got) != tt.want {
				t.Errorf("Parse(%s, %q) = %q, %s; want %s", tt.q.Type, s, got, problem, tt.want)
			}
		}
	}
}
