//go:build !unix

package jsrt

import "os"

// statOf is the fields Node reports on a system without a Unix stat: the
// type bits and permissions as st_mode, the modification time for every
// time, zeros for the rest, as Node's own on Windows.
func statOf(fi os.FileInfo) nodeStat {
	t := fi.ModTime()
	return nodeStat{mode: typeBits(fi.Mode()) | uint32(fi.Mode().Perm()), atime: t, ctime: t, birthtime: t}
}
