//go:build unix

package generator

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestRealPathsPastPathMax: below folders that exist past PATH_MAX, which no
// path can name in one system call, a target resolves under the real path
// of its longest prefix that can be resolved. Every lookup past PATH_MAX
// fails, so resolving each level of such a path in full, as dir once did,
// walked the existing folders again at every level (minutes for 2,500).
func TestRealPathsPastPathMax(t *testing.T) {
	root := t.TempDir()
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	const depth = 2500 // "/d" 2,500 times: 5,000 bytes
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for range depth { // one folder at a time, relative to the last
		if err := unix.Mkdirat(fd, "d", 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := unix.Openat(fd, "d", unix.O_RDONLY|unix.O_DIRECTORY, 0)
		unix.Close(fd)
		if err != nil {
			t.Fatal(err)
		}
		fd = next
	}
	unix.Close(fd)
	t.Cleanup(func() { removeDeep(t, root, depth) })

	rest := filepath.Join(slices.Repeat([]string{"d"}, depth+2)...)
	got := (realPaths{}).dir(filepath.Join(root, rest))
	if want := filepath.Join(realRoot, rest); got != want {
		t.Errorf("resolved to %d bytes ending %q, want %d bytes ending %q", len(got), got[max(0, len(got)-40):], len(want), want[len(want)-40:])
	}
}

// removeDeep removes the chain of folders named d below root, deepest
// first, each relative to its parent: os.RemoveAll would need paths past
// PATH_MAX.
func removeDeep(t *testing.T, root string, depth int) {
	fds := make([]int, 0, depth)
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	for err == nil && len(fds) < depth {
		fds = append(fds, fd)
		fd, err = unix.Openat(fd, "d", unix.O_RDONLY|unix.O_DIRECTORY, 0)
	}
	if err == nil {
		unix.Close(fd)
	}
	for i := len(fds) - 1; i >= 0; i-- {
		if err := unix.Unlinkat(fds[i], "d", unix.AT_REMOVEDIR); err != nil && !strings.Contains(err.Error(), "no such") {
			t.Errorf("removing level %d: %v", i, err)
		}
		unix.Close(fds[i])
	}
}
