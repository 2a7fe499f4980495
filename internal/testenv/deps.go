package testenv

import (
	"os/exec"
	"strings"
	"testing"
)

// LinkedFrom returns the packages that pkg (a `go list` pattern, resolved
// in the test's directory) depends on whose import path is one of prefixes
// or lies below one (a prefix ending in "/" matches any path it starts).
// A package that must stay light tests that this is empty: every package a
// binary links is initialised in every process.
func LinkedFrom(tb testing.TB, pkg string, prefixes ...string) []string {
	tb.Helper()
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		tb.Fatalf("go list -deps %s: %v", pkg, err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		tb.Fatalf("go list -deps %s gave %d packages: %q", pkg, len(deps), out)
	}
	var found []string
	for _, d := range deps {
		for _, p := range prefixes {
			if d == p || strings.HasPrefix(d, strings.TrimSuffix(p, "/")+"/") {
				found = append(found, d)
				break
			}
		}
	}
	return found
}
