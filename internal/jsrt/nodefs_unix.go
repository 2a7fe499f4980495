//go:build unix

package jsrt

import (
	"os"
	"syscall"
)

// fileIDs are the stat fields Node reports that only a Unix stat carries.
type fileIDs struct {
	uid, gid uint32
	ino      uint64
	nlink    uint64
}

func ownership(fi os.FileInfo) (fileIDs, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileIDs{}, false
	}
	return fileIDs{uid: st.Uid, gid: st.Gid, ino: uint64(st.Ino), nlink: uint64(st.Nlink)}, true
}

// unixMode is st_mode as Node reports it: the file type bits and the
// permission bits.
func unixMode(fi os.FileInfo) uint32 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint32(st.Mode)
	}
	return uint32(fi.Mode().Perm())
}
