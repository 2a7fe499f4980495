package testenv

import (
	"os"
	"testing"
)

// SocketDir is a new folder, removed when the test ends, whose paths are
// short enough for a Unix socket address (104 bytes on macOS): a test's
// TempDir, under a folder named after the test, can be longer.
func SocketDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.MkdirTemp("", "sock")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
