package jsrt

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/ejs"
)

// A template prepares its runtime for what its tags' code names, not for
// words of its text: a template writing an event class ("Event") made
// every runtime it ran in install the web globals, 0.35 ms each.
func TestTemplateFeaturesComeFromItsCode(t *testing.T) {
	for _, tt := range []struct {
		text string
		want features
	}{
		{"class <%= name %>Event extends Event { at = new URL(x); n = (1).toLocaleString(); setTimeout(f); JSON.parse(s) }\n", 0},
		{"<%= new URL(path, base).href %>\n", featWeb},
		{"<% const c = new AbortController() %>\n<%- n.toLocaleString() %>\n", featWeb | featLocale},
		{"<%- n.toString() + m.toString(2) %>\n", featNumbers},
		{"<%- n.toString() %>\n", 0},
	} {
		tmpl, err := compile(tt.text, ejs.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tmpl.needs != tt.want {
			t.Errorf("%q needs %b, want %b", tt.text, tmpl.needs, tt.want)
		}
	}
}
