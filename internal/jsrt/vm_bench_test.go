package jsrt

import (
	"context"
	"testing"
)

// BenchmarkNewVM is the cost of a run's runtime before any script runs:
// every globals it installs eagerly shows here (allocs/op).
func BenchmarkNewVM(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NewVM(context.Background(), Setup{Cwd: "/"})
	}
}
