//go:build !unix

package telemetry

import (
	"testing"
	"time"
)

// processCPU needs getrusage, which this system does not have: the
// overhead benchmarks judge CPU time, so they do not run here.
func processCPU(b *testing.B) time.Duration {
	b.Skip("the CPU time of a process is read with getrusage, which this system lacks")
	return 0
}
