package uniprop

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// The expectations are Node 20.20.2's results for the same expressions
// (RegExp#exec, or String#match with the g flag).
func TestRewriteMatchesNode(t *testing.T) {
	for _, tt := range []struct{ literal, input, want string }{
		{`/\p{Lu}/u`, "aBcÄ", `["B"]`},
		{`/\p{Ll}+/gu`, "aBcdÉé", `["a","cd","é"]`},
		{`/\P{L}+/u`, "ab12-c", `["12-"]`},
		{`/[\p{L}\p{N}]+/u`, "-a1β2-", `["a1β2"]`},
		{`/[^\p{L}]/gu`, "a1b!", `["1","!"]`},
		{`/\p{Script=Greek}+/u`, "abαβγd", `["αβγ"]`},
		{`/\p{sc=Cyrillic}/u`, "xЖ", `["Ж"]`},
		{`/\p{Letter}/u`, "1ü", `["ü"]`},
		{`/\p{gc=Nd}+/u`, "x١٢٣y", `["١٢٣"]`},
		{`/\p{Lu}/iu`, "a", `["a"]`},
		{`/\p{Alphabetic}+/u`, "1ⅫaÅ", `["ⅫaÅ"]`},
		{`/\p{White_Space}/u`, "a\u00a0b", "[\"\u00a0\"]"},
		{`/([\p{Ll}\d])(\p{Lu})/gu`, "fooBar2Baz", `["oB","2B"]`}, // change-case 5's word split
		{`/\p{Any}/u`, "😀", `["😀"]`},
		{`/\P{Any}/u`, "a", `null`},
		{`/\p{Cn}/u`, "\u0378", "[\"\u0378\"]"},
		{`/\p{Uppercase}/u`, "Ⓐ", `["Ⓐ"]`},
		{`/\p{LC}+/u`, "1aBǅ2", `["aBǅ"]`},
		{`/\p{Lu}/`, "p{Lu}", `["p{Lu}"]`}, // without u, \p is a p, in Node too
	} {
		call := "Array.from(re.exec(s) || []) "
		if strings.Contains(tt.literal, "g") {
			call = "s.match(re) "
		}
		src := "var re = " + tt.literal + "; var r = " + strings.Replace(call, "Array.from(re.exec(s) || []) ", "re.exec(s) && Array.from(re.exec(s))", 1) + "; JSON.stringify(r)"
		out, err := Rewrite(src)
		if err != nil {
			t.Errorf("%s: %v", tt.literal, err)
			continue
		}
		vm := goja.New()
		_ = vm.Set("s", tt.input)
		v, err := vm.RunString(out)
		if err != nil || v.String() != tt.want {
			t.Errorf("%s on %q = %v, %v; want %s", tt.literal, tt.input, v, err, tt.want)
		}
	}
}

func TestRewriteLeavesOtherCodeAlone(t *testing.T) {
	for _, src := range []string{
		`var s = "\\p{Lu}"; /x/u.test(s)`, // a string, not a pattern
		`var re = /\p{Lu}/; re.test("p{Lu}")`,
		`syntax error (`,
		`plain()`,
	} {
		if out, err := Rewrite(src); err != nil || out != src {
			t.Errorf("Rewrite(%q) = %q, %v", src, out, err)
		}
	}
}

func TestUnknownPropertyIsASyntaxError(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"var a = 1;\nvar re = /\\p{Nope}/u;", "Line 2:10 Invalid regular expression: /\\p{Nope}/u: Invalid property name \\p{Nope}"},
		{"/\\p{Emoji_Presentation}/u", "Line 1:1 Invalid regular expression: /\\p{Emoji_Presentation}/u: Invalid property name \\p{Emoji_Presentation} (hypergen knows"},
		{"/\\p{scx=Greek}/u", "Script_Extensions"},
		{"/\\p{Lu/u", "Invalid property name"},
	} {
		if _, err := Rewrite(tt.src); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Rewrite(%q) = %v; want %q", tt.src, err, tt.want)
		}
	}
}
