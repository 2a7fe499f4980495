//go:build unix && !linux

package jsrt

import (
	"syscall"
	"time"
)

// statTimes are a stat's access and status change times: the modification
// time stands for both where Stat_t names its fields otherwise than Linux.
func statTimes(_ *syscall.Stat_t, mtime time.Time) (atime, ctime time.Time) {
	return mtime, mtime
}
