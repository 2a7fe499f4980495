//go:build !windows

package generator

import "testing"

// TestTargetPathsPOSIX: Node's path.resolve, as hygen resolves `to:`; a
// backslash is an ordinary file-name character here, as in hygen on Linux.
func TestTargetPathsPOSIX(t *testing.T) {
	checkPaths(t, []pathCase{
		{"/proj", "src/a.js", "/proj/src/a.js", true},
		{"/proj", "./src//b/../a.js", "/proj/src/a.js", true},
		{"/proj", `src\a.js`, `/proj/src\a.js`, true},
		{"/proj", `..\a.js`, `/proj/..\a.js`, true},
		{"/proj", "..foo", "/proj/..foo", true},
		{"/proj", ".", "/proj", true},
		{"/proj", "../x", "/x", false},
		{"/proj", "../proj2/x", "/proj2/x", false},
		{"/proj", "/etc/x", "/etc/x", false},
		{"/proj", "/proj/sub/", "/proj/sub", true},
	})
}
