//go:build !unix

package jsrt

// cpuMicroseconds has no source here: process.cpuUsage reports zeros.
func cpuMicroseconds() (user, system int64) { return 0, 0 }

// residentBytes is what the Go runtime has taken from the system.
func residentBytes(fallback uint64) uint64 { return fallback }

// currentUmask is Windows's nothing-masked answer in Node.
func currentUmask() int { return 0 }
