//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwnerAndMode gives the new file f the permissions of the file it
// replaces, and its owner when that is another user or group: a write in
// place keeps both. Only a privileged process may give a file away, so
// elsewhere the new file stays the writer's, as any editor's save leaves it.
func keepOwnerAndMode(f *os.File, old fs.FileInfo) error {
	if err := f.Chmod(old.Mode().Perm()); err != nil {
		return err
	}
	if st, ok := old.Sys().(*syscall.Stat_t); ok && (int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid()) {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
	return nil
}
