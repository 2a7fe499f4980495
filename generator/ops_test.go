package generator

import "testing"

// The words execa.command (execa 5) makes of an sh: text, as Node then
// joins them for /bin/sh -c (test/differential cases 161 and 162 run them
// against hygen).
func TestExecaCommand(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`echo hi`, `echo hi`},
		{"  echo   \"  a  \"  ", `echo " a "`},
		{`touch my\ docs/a`, `touch my docs/a`},
		{`touch my\   docs`, `touch my docs`},    // a run of spaces after the backslash
		{`a\ b\ c`, `a b c`},                     // joined words join again
		{`a\\ b`, `a\ b`},                        // one backslash goes, the other stays
		{`ends\`, `ends\`},                       // no word after it
		{"a\tb  c\n  d", "a\tb c\n d"},           // only spaces separate words
		{"\u00a0\ufeff echo x \u2028", `echo x`}, // JavaScript's trim
		{"   ", ""},
		{"", ""},
	} {
		if got := execaCommand(c.in); got != c.want {
			t.Errorf("execaCommand(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
