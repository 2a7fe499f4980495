package ejs

import (
	"strings"
	"testing"
)

// FuzzCompile: any template with any option compiles or fails with an
// *Error naming a line, never panics; a template without tags always
// compiles; line mapping stays inside the template.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"plain text\n",
		"<%= name %>\n<% if (x) { %>y<% } %>",
		"<%- raw %> <%# comment %> <%% literal %%>",
		"<%_ slurp _%>\n  <% x -%>\n",
		"<% unclosed",
		"%> stray close",
		"line1\r\nline2 <%= a\n+ b %>\n",
		"`${backtick}` \\ '",
	} {
		f.Add(s, "", false, false)
	}
	f.Add("<? x ?>", "?", true, true)
	f.Fuzz(func(t *testing.T, tmpl, delim string, rmWhitespace, strict bool) {
		if len(delim) > 1 {
			delim = delim[:1]
		}
		opts := Options{Delimiter: delim, RmWhitespace: rmWhitespace, Strict: strict}
		src, err := Compile(tmpl, opts)
		tagless := !strings.Contains(tmpl, "<") && !strings.Contains(tmpl, ">")
		if err != nil {
			if tagless {
				t.Fatalf("a template without tags failed: %v", err)
			}
			if e, ok := err.(*Error); !ok || e.Line < 0 {
				t.Fatalf("error %T %v does not name a line", err, err)
			}
			return
		}
		if src.Function == "" {
			t.Fatal("empty function")
		}
		// JavaScript's line terminators, an upper bound on the lines.
		lines := 1 + strings.Count(tmpl, "\n") + strings.Count(tmpl, "\r") +
			strings.Count(tmpl, "\u2028") + strings.Count(tmpl, "\u2029")
		for gen := 1; gen <= strings.Count(src.Function, "\n")+1; gen++ {
			if l := src.TemplateLine(gen); l < 0 || l > lines {
				t.Fatalf("generated line %d maps to template line %d of %d", gen, l, lines)
			}
		}
	})
}
