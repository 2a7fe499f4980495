package inflect

import (
	"encoding/json"
	"os"
	"testing"
)

// TestLocale checks the change-case functions with a locale, and noCase with
// a replacement, against testdata/locale.json, which
// testdata/gen_locale.js records from hygen 6.2.11's helpers.
func TestLocale(t *testing.T) {
	raw, err := os.ReadFile("testdata/locale.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Functions []string
		Rows      [][5]any
		Replaced  [][4]string
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	call := func(l Locale, fn, s string) any {
		switch fn {
		case "no":
			return l.No(s, " ")
		case "dot":
			return l.No(s, ".")
		case "swap":
			return l.Swap(s)
		case "path":
			return l.No(s, "/")
		case "upper":
			return l.Upper(s)
		case "lower":
			return l.Lower(s)
		case "camel":
			return l.Camel(s, false)
		case "snake":
			return l.No(s, "_")
		case "title":
			return l.Title(s)
		case "param":
			return l.No(s, "-")
		case "header":
			return l.Header(s)
		case "pascal":
			return l.Pascal(s, false)
		case "constant":
			return l.Constant(s)
		case "sentence":
			return l.Sentence(s)
		case "isUpper":
			return l.IsUpper(s)
		case "isLower":
			return l.IsLower(s)
		case "ucFirst":
			return l.UpperFirst(s)
		case "lcFirst":
			return l.LowerFirst(s)
		}
		t.Fatalf("no Go counterpart of %s", fn)
		return nil
	}
	for _, row := range g.Rows {
		l, s := Locale(row[0].(string)), row[1].(string)
		for i, want := range row[2].([]any) {
			fn := g.Functions[i]
			if got := call(l, fn, s); got != want {
				t.Errorf("%s(%q, %q) = %#v, want %#v", fn, s, l, got, want)
			}
		}
		if got := l.Camel(s, true); got != row[3] {
			t.Errorf("camel(%q, %q, true) = %q, want %q", s, l, got, row[3])
		}
		if got := l.Pascal(s, true); got != row[4] {
			t.Errorf("pascal(%q, %q, true) = %q, want %q", s, l, got, row[4])
		}
	}
	for _, r := range g.Replaced {
		if got := Locale("").No(r[1], r[0]); got != r[2] {
			t.Errorf("no(%q, null, %q) = %q, want %q", r[1], r[0], got, r[2])
		}
		if got := Locale("tr").No(r[1], r[0]); got != r[3] {
			t.Errorf("no(%q, \"tr\", %q) = %q, want %q", r[1], r[0], got, r[3])
		}
	}
}
