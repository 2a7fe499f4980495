package diskindex

import (
	"io/fs"
	"syscall"
)

// sysStamp adds what only the system's stat knows: the inode, which changes
// when a file is replaced, and the change time, which tools cannot set back.
func sysStamp(st fs.FileInfo, s *stamp) {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		s.Inode = sys.Ino
		s.Ctime = sys.Ctim.Nano()
	}
}
