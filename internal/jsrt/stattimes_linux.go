package jsrt

import (
	"syscall"
	"time"
)

// statTimes are a stat's access and status change times.
func statTimes(st *syscall.Stat_t, _ time.Time) (atime, ctime time.Time) {
	return time.Unix(st.Atim.Unix()), time.Unix(st.Ctim.Unix())
}
