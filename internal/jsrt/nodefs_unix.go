//go:build unix

package jsrt

import (
	"os"
	"syscall"
)

// statOf is what a Unix stat carries of the fields Node reports. Birth
// time needs statx, which Go's stat does not call: it is the change time
// here.
func statOf(fi os.FileInfo) nodeStat {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		t := fi.ModTime()
		return nodeStat{mode: typeBits(fi.Mode()) | uint32(fi.Mode().Perm()), atime: t, ctime: t, birthtime: t}
	}
	atime, ctime := statTimes(st, fi.ModTime())
	return nodeStat{
		dev: uint64(st.Dev), mode: uint32(st.Mode), nlink: uint64(st.Nlink), uid: st.Uid, gid: st.Gid, rdev: uint64(st.Rdev),
		blksize: int64(st.Blksize), ino: uint64(st.Ino), blocks: int64(st.Blocks), atime: atime, ctime: ctime, birthtime: ctime,
	}
}
