package argv

import (
	"regexp"
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

// FuzzFlagShapes holds the hand-written matchers of parse.go to the
// yargs-parser patterns they replace.
func FuzzFlagShapes(f *testing.F) {
	for _, s := range []string{"--props", "--no-dry", "--no-", "--", "---x", "--a\nb", "--\u2028x", "-a.b", "-a.", "-..x",
		"-é.b\rc", "-\n.b", "--\xffx", "-\xff.y", "x--y", "-a.b.c=1", ""} {
		f.Add(s)
	}
	shapes := []struct {
		re    *regexp.Regexp
		match func(string, *string) bool
	}{
		{regexp.MustCompile(`^--(` + jsDot + `+)`), long},
		{regexp.MustCompile(`^--no-(` + jsDot + `+)`), negatedLong},
		{regexp.MustCompile(`^-(` + jsDot + `\.` + jsDot + `+)`), dotted},
	}
	f.Fuzz(func(t *testing.T, arg string) {
		for _, s := range shapes {
			var name string
			ok := s.match(arg, &name)
			m := s.re.FindStringSubmatch(arg)
			if ok != (m != nil) || ok && name != m[1] {
				t.Errorf("%s on %q: got %v %q, the pattern %q", s.re, arg, ok, name, m)
			}
		}
	})
}
