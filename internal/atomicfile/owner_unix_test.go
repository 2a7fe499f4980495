//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A replaced file keeps its sticky bit, and its set-ID bits when a
// privileged process replaces it (a write in place by anyone else clears
// them).
func TestReplaceKeepsSpecialBits(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tool")
	if err := os.WriteFile(p, []byte("1"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o755|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("2")); err != nil {
		t.Fatal(err)
	}
	want := 0o755 | fs.ModeSticky
	if os.Geteuid() == 0 {
		want |= fs.ModeSetuid | fs.ModeSetgid
	}
	if st, err := os.Stat(p); err != nil || st.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky) != want {
		t.Errorf("mode after replace: %v, %v; want %v", st.Mode(), err, want)
	}
}
