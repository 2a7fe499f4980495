package regularfile

import (
	"os"
	"path/filepath"
	"testing"
)

// A process's environment is refused by its path, or by where a link to it
// leads; other files named environ are not.
func TestCheckEnviron(t *testing.T) {
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc/self/environ here")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "env")
	if err := os.Symlink("/proc/self/environ", link); err != nil {
		t.Skipf("symlink: %v", err)
	}
	for _, tt := range []struct {
		file    string
		refused bool
	}{
		{"/proc/self/environ", true},
		{"/proc/thread-self/environ", true},
		{"/proc/1/task/1/environ", true},
		{"/proc/self/../self/environ", true},
		{link, true},
		{"/proc/environ", false},
		{"/proc/self/status", false},
		{filepath.Join(dir, "proc", "self", "environ"), false},
	} {
		if err := CheckEnviron(tt.file); (err != nil) != tt.refused {
			t.Errorf("CheckEnviron(%s) = %v, want refused %v", tt.file, err, tt.refused)
		}
	}
}
