//go:build !unix

package jsrt

import "os"

// fileIDs are the stat fields Node reports that only a Unix stat carries;
// elsewhere Node reports zeros, and so do hooks here.
type fileIDs struct {
	uid, gid uint32
	ino      uint64
	nlink    uint64
}

func ownership(os.FileInfo) (fileIDs, bool) { return fileIDs{}, false }

// unixMode is the permission bits: Windows has no st_mode type bits to report.
func unixMode(fi os.FileInfo) uint32 { return uint32(fi.Mode().Perm()) }
