package frontmatter

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse: any file splits and decodes without panicking; the body is a
// part of the file starting on a line that exists, and a bad block is a
// SyntaxError naming a line of the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\nto: a\n---\nbody\n",
		"---\r\nto: a\r\n---\r\nbody",
		"\ufeff---\nx: [1, 2\n---\n",
		"= yaml =\nto: b\n= yaml =\n",
		"---\n---\n",
		"no frontmatter",
		"---\nto: !!js/regexp /a/g\nanchors: &a {x: 1}\nref: *a\n<<: *a\n---\n",
		"---\nx: 1\n...\n  \nbody",
		"---\nto: \"a\\/b\"\ne: |\n  \"c\\/d\"\nf: {\"k\":\"v\\/w\"} # \"\\/\"\ng: &x 'y\\/z'\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		attrs, sp, err := Parse(text)
		lines := strings.Count(text, "\n") + 1
		if sp.BodyLine < 1 || sp.BodyLine > lines+1 {
			t.Errorf("BodyLine %d outside 1..%d", sp.BodyLine, lines+1)
		}
		if !sp.HasFences && sp.Body != text {
			t.Errorf("no fences, but the body %q is not the file", sp.Body)
		}
		if len(sp.Body) > len(text) {
			t.Errorf("body longer than the file")
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a SyntaxError", err, err)
			}
			if se.Line < 0 || se.Line > lines {
				t.Errorf("error line %d outside the file's %d lines: %v", se.Line, lines, err)
			}
			return
		}
		if attrs == nil {
			t.Error("nil attributes without an error")
		}
	})
}
