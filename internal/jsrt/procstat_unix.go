//go:build unix

package jsrt

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// cpuMicroseconds is the CPU time this process has used, as
// process.cpuUsage reports it.
func cpuMicroseconds() (user, system int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return ru.Utime.Nano() / 1e3, ru.Stime.Nano() / 1e3
}

// residentBytes is the process's resident set (Linux's /proc/self/statm),
// else what the Go runtime has taken from the system.
func residentBytes(fallback uint64) uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if f := strings.Fields(string(b)); err == nil && len(f) > 1 {
		if pages, err := strconv.ParseUint(f[1], 10, 64); err == nil {
			return pages * uint64(os.Getpagesize())
		}
	}
	return fallback
}

// currentUmask reads the file mode mask from /proc/self/status (Linux 4.7
// and later): setting it to read it, as umask(2) must, would race with the
// files other goroutines create. Elsewhere the usual 022.
func currentUmask() int {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			if m, err := strconv.ParseInt(strings.TrimSpace(v), 8, 32); err == nil {
				return int(m)
			}
		}
	}
	return 0o022
}
