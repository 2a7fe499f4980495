package hygenignore

import (
	"path/filepath"
	"testing"
)

// Each answer was checked against hygen 6.2.11 on the same tree (a folder
// "act" holding f1.t, deep/f2.t, deep/a/f3.t, deep/a/b/c/f4.t, .dot/f5.t,
// Upper/F6.T, readme.md, .f8.t).
func TestIncludedAsIgnoreWalk(t *testing.T) {
	tests := []struct {
		rules, path string
		dir         bool
		want        bool
	}{
		{"*.md", "readme.md", false, false},
		{"F1.T", "f1.t", false, false}, // nocase
		{"upper", "Upper", true, false},
		{"deep", "deep", true, false},
		{"deep/", "deep", true, false},
		{"deep/", "f1.t", false, true},
		{"/deep", "deep", true, false},
		{"a/b/c/f4.t", "deep/a/b/c/f4.t", false, true}, // a slash anchors at the rule's folder
		{"deep/a", "deep/a", true, false},
		{"**/c", "deep/a/b/c", true, false},
		{"deep/**/f4.t", "deep/a/b/c/f4.t", false, false},
		{".dot", ".dot", true, false},
		{".*", ".f8.t", false, false}, // dot
		{"f?.t", "f1.t", false, false},
		{"{f1,f2}.t", "deep/f2.t", false, false}, // matchBase
		{"f[12].t", "f1.t", false, false},
		{"*\n!f1.t", "f1.t", false, true},
		{"*\n!f1.t", "deep", true, false},
		{"*\n!deep", "deep", true, true},
		{"*\n!deep", "deep/f2.t", false, false}, // the folder is back, its files are not
		{"*.t\n!**/f3.t", "deep/a/f3.t", false, true},
		{"deep\n!deep/a/b/c/f4.t", "deep", true, true}, // a negation reaching inside brings the folder back
		{"!f1.t", "f1.t", false, true},
		{"# comment\n  f1.t  ", "f1.t", false, false},
		{"f1.t\r\ndeep\r\n", "deep", true, false},
		{"()", "f1.t", false, true},
		{"x|", "f1.t", false, true},
		{`f\d.t`, "f1.t", false, true},
		{"f1+.t", "f1.t", false, true},
		{"(f)1.t", "f1.t", false, true},
	}
	root := filepath.FromSlash("/t/act")
	for _, tt := range tests {
		frames := []Frame{{Dir: root, Rules: Parse(tt.rules)}}
		if got := Included(frames, filepath.Join(root, filepath.FromSlash(tt.path)), tt.dir); got != tt.want {
			t.Errorf("rules %q: Included(%s, dir=%v) = %v, want %v", tt.rules, tt.path, tt.dir, got, tt.want)
		}
	}
}

// A folder's rules apply below it, after the rules of the folders above,
// to paths from their own folder.
func TestNestedRules(t *testing.T) {
	root := filepath.FromSlash("/t/act")
	deepA := filepath.Join(root, "deep", "a")
	for _, tt := range []struct {
		outer, inner, path string
		dir, want          bool
	}{
		{"", "b", "deep/a/b", true, false},
		{"", "/b", "deep/a/b", true, false},
		{"", "*\n!b", "deep/a/f3.t", false, false},
		{"", "*\n!b", "deep/a/b", true, true},
		{"f3.t", "!f3.t", "deep/a/f3.t", false, true},
		{"deep", "!f3.t", "deep", true, false},
	} {
		frames := []Frame{{Dir: root, Rules: Parse(tt.outer)}, {Dir: deepA, Rules: Parse(tt.inner)}}
		if got := Included(frames, filepath.Join(root, filepath.FromSlash(tt.path)), tt.dir); got != tt.want {
			t.Errorf("rules %q then %q: Included(%s) = %v, want %v", tt.outer, tt.inner, tt.path, got, tt.want)
		}
	}
}
