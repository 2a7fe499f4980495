//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// keepOwnerAndMode gives the new file f the permissions of the file it
// replaces, and its owner when that is another user or group: a write in
// place keeps both. Only a privileged process may give a file away, so
// elsewhere the new file stays the writer's, as any editor's save leaves it.
// The sticky bit stays; set-user-ID and set-group-ID stay for a privileged
// writer only, as a write in place by anyone else clears them. The mode is
// set after the owner because changing the owner clears both.
func keepOwnerAndMode(f *os.File, old fs.FileInfo) error {
	uid, gid := ids()
	if st, ok := old.Sys().(*syscall.Stat_t); ok && (int(st.Uid) != uid || int(st.Gid) != gid) {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
	keep := fs.ModePerm | fs.ModeSticky
	if uid == 0 {
		keep |= fs.ModeSetuid | fs.ModeSetgid
	}
	return f.Chmod(old.Mode() & keep)
}

// ids are the process's effective user and group, asked once: each is a
// system call, and hypergen never changes them.
var ids = sync.OnceValues(func() (int, int) { return os.Geteuid(), os.Getegid() })
