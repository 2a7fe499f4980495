package argv

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// FuzzParse: any command line parses without panicking into positionals of
// the kinds the engine reads (strings, numbers, and objects from "--_.k")
// and a flags object.
func FuzzParse(f *testing.F) {
	for _, s := range [][2]string{
		{"gen", "new"}, {"--name=x", "-abc"}, {"--no-dry", "--a.b.c"}, {"-n5", "--x"},
		{"--_", "../up"}, {"--", "-x"}, {"---", "-1.5"}, {"--a\nb", "--__proto__.x"},
	} {
		f.Add(s[0], s[1], "pos")
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		r := Parse([]string{a, b, c})
		if r.Flags == nil {
			t.Fatal("nil flags")
		}
		for _, p := range r.Positionals {
			switch p.(type) {
			case string, float64, bool, *jsvalue.Object, []any:
			default:
				if p != jsvalue.Undefined && p != nil {
					t.Fatalf("positional %#v of kind %T", p, p)
				}
			}
			_ = jsvalue.ToString(p) // what the engine does with it
		}
	})
}
