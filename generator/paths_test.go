package generator

import "testing"

// pathCase is one target or confinement check; the cases for the system the
// tests run on are in paths_posix_test.go and paths_windows_test.go.
type pathCase struct {
	cwd, to string
	abs     string // targetPath(cwd, to)
	inside  bool   // insideDir(cwd, abs)
}

func checkPaths(t *testing.T, cases []pathCase) {
	t.Helper()
	for _, c := range cases {
		if got := targetPath(c.cwd, c.to); got != c.abs {
			t.Errorf("targetPath(%q, %q) = %q, want %q", c.cwd, c.to, got, c.abs)
		}
		if got := insideDir(c.cwd, c.abs); got != c.inside {
			t.Errorf("insideDir(%q, %q) = %v, want %v", c.cwd, c.abs, got, c.inside)
		}
	}
}
