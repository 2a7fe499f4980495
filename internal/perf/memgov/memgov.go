package memgov

import (
	"runtime/metrics"
	"sync"
)

// Governor shrinks caches when the live heap passes a share of the limit.
type Governor struct {
	Limit     int64   // bytes; 0 means no limit, so never under pressure
	Threshold float64 // share of Limit that counts as pressure, e.g. 0.8
	mu        sync.Mutex
	shrinkers []func(fraction float64) int64
	Shrunk    int64 // bytes (estimated) released so far
}

// Register adds a cache's Shrink.
func (g *Governor) Register(shrink func(fraction float64) int64) {
	g.mu.Lock()
	g.shrinkers = append(g.shrinkers, shrink)
	g.mu.Unlock()
}

// LiveHeap is the heap the last garbage collection found live, in bytes.
func LiveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// Check halves every registered cache if the live heap is over the
// threshold, and reports whether it did. Call it between units of work.
func (g *Governor) Check() bool { return g.check(LiveHeap()) }

func (g *Governor) check(live int64) bool {
	if g.Limit <= 0 || float64(live) < g.Threshold*float64(g.Limit) {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, s := range g.shrinkers {
		g.Shrunk += s(0.5)
	}
	return true
}
