package jsvalue

import (
	"math"
	"reflect"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // variables: Go folds constant arithmetic exactly
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {7, "7"}, {-3, "-3"}, {1.5, "1.5"}, {tenth + fifth, "0.30000000000000004"},
		{1e21, "1e+21"}, {1e20, "100000000000000000000"}, {123e-9, "1.23e-7"},
		{0.000001, "0.000001"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
		{math.NaN(), "NaN"}, {math.Inf(-1), "-Infinity"}, {5e-324, "5e-324"}, {2.5e25, "2.5e+25"},
		{math.Copysign(0, -1), "0"}, {1e-7, "1e-7"}, {1.23e-18, "1.23e-18"}, {1 << 53, "9007199254740992"},
		{123456789012345680000, "123456789012345680000"}, {1.5e300, "1.5e+300"}, {math.Inf(1), "Infinity"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestObjectKeysFollowJavaScriptOrder(t *testing.T) {
	o := NewObject()
	for _, k := range []string{"b", "10", "a", "2", "01", "4294967295"} {
		o.Set(k, true)
	}
	o.Set("b", false) // replacing keeps the position
	want := []string{"2", "10", "b", "a", "01", "4294967295"}
	if got := o.Keys(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Keys() = %v, want %v", got, want)
	}
}

func TestTruthyAndToString(t *testing.T) {
	tests := []struct {
		v      any
		truthy bool
		str    string
	}{
		{nil, false, "null"}, {Undefined, false, "undefined"}, {"", false, ""}, {"false", true, "false"},
		{0.0, false, "0"}, {math.NaN(), false, "NaN"}, {2.0, true, "2"}, {true, true, "true"},
		{[]any{1.0, nil, "x"}, true, "1,,x"}, {NewObject(), true, "[object Object]"},
		{&RegExp{Source: "a+", Flags: "i"}, true, "/a+/i"},
	}
	for _, tt := range tests {
		if got := Truthy(tt.v); got != tt.truthy {
			t.Errorf("Truthy(%#v) = %v", tt.v, got)
		}
		if got := ToString(tt.v); got != tt.str {
			t.Errorf("ToString(%#v) = %q, want %q", tt.v, got, tt.str)
		}
	}
}

func TestToNumber(t *testing.T) {
	tests := []struct {
		in   any
		want float64
	}{
		{nil, 0}, {true, 1}, {"", 0}, {"  12 ", 12}, {"0x1f", 31}, {"1e3", 1000}, {"-Infinity", math.Inf(-1)},
		{[]any{"7"}, 7}, {[]any{}, 0},
	}
	for _, tt := range tests {
		if got := ToNumber(tt.in); got != tt.want {
			t.Errorf("ToNumber(%#v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, in := range []any{"abc", "1_000", "inf", Undefined, NewObject(), "0x"} {
		if got := ToNumber(in); !math.IsNaN(got) {
			t.Errorf("ToNumber(%#v) = %v, want NaN", in, got)
		}
	}
}
