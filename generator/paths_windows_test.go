package generator

import "testing"

// TestTargetPathsWindows: `to:` with backslashes, forward slashes and drive
// letters, and the project boundary by Windows rules (another drive, "..\",
// device names). Compiled and vetted by ./scripts/test; it runs on Windows.
func TestTargetPathsWindows(t *testing.T) {
	checkPaths(t, []pathCase{
		{`C:\proj`, `src\a.js`, `C:\proj\src\a.js`, true},
		{`C:\proj`, `src/a.js`, `C:\proj\src\a.js`, true},
		{`C:\proj`, `.\src\\b\..\a.js`, `C:\proj\src\a.js`, true},
		{`C:\proj`, `..\x`, `C:\x`, false},
		{`C:\proj`, `../proj2/x`, `C:\proj2\x`, false},
		{`C:\proj`, `D:\proj\x`, `D:\proj\x`, false},
		{`C:\proj`, `C:/proj/sub/`, `C:\proj\sub`, true},
		{`C:\proj`, `NUL`, `C:\proj\NUL`, false},
		{`C:\proj`, `\x`, `C:\proj\x`, true},
	})
}
