package nodepath

import (
	"encoding/json"
	"os"
	"testing"
)

type golden struct {
	Normalize, Dirname, Basename, Extname map[string]string
	IsAbsolute                            map[string]bool
	Parse                                 map[string]struct{ Root, Dir, Base, Ext, Name string }
	Join, Resolve, Relative, BasenameExt  [][2]any
	Format                                [][2]any
}

// TestAgainstNode checks every function against results recorded from Node's
// path.posix by testdata/gen_golden.js.
func TestAgainstNode(t *testing.T) {
	raw, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	check := func(fn, in, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s(%q) = %q, want %q", fn, in, got, want)
		}
	}
	for in, want := range g.Normalize {
		check("normalize", in, Normalize(in), want)
		check("dirname", in, Dirname(in), g.Dirname[in])
		check("basename", in, Basename(in, ""), g.Basename[in])
		check("extname", in, Extname(in), g.Extname[in])
		if IsAbsolute(in) != g.IsAbsolute[in] {
			t.Errorf("isAbsolute(%q) wrong", in)
		}
		if got, want := Parse(in), g.Parse[in]; got != Parsed(want) {
			t.Errorf("parse(%q) = %+v, want %+v", in, got, want)
		}
	}
	args := func(v any) []string {
		var out []string
		for _, a := range v.([]any) {
			out = append(out, a.(string))
		}
		return out
	}
	for _, c := range g.Join {
		check("join", c[0].([]any)[0].(string), Join(args(c[0])...), c[1].(string))
	}
	for _, c := range g.Resolve {
		check("resolve", c[0].([]any)[0].(string), Resolve("/cwd/dir", args(c[0])...), c[1].(string))
	}
	for _, c := range g.Relative {
		a := args(c[0])
		check("relative", a[0]+" -> "+a[1], Relative("/cwd/dir", a[0], a[1]), c[1].(string))
	}
	for _, c := range g.BasenameExt {
		a := args(c[0])
		check("basename", a[0]+", "+a[1], Basename(a[0], a[1]), c[1].(string))
	}
	for _, c := range g.Format {
		m := c[0].(map[string]any)
		s := func(k string) string { v, _ := m[k].(string); return v }
		f := Parsed{Root: s("root"), Dir: s("dir"), Base: s("base"), Ext: s("ext"), Name: s("name")}
		check("format", f.Dir+f.Base+f.Name, Format(f), c[1].(string))
	}
}
