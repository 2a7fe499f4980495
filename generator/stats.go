package generator

import (
	"sync"
	"time"
)

// Stats is what an Engine has done since New: how many runs, how long they
// and their phases took, and how well the compiled-template cache served.
type Stats struct {
	Runs, Failures int64
	// RunTime is the total time of all runs; LastRun the latest one's.
	RunTime, LastRun time.Duration
	// PhaseTime is the total time spent in each phase.
	PhaseTime map[Phase]time.Duration
	// CacheHits and CacheMisses count compiled-template lookups.
	CacheHits, CacheMisses int64
}

// CacheHitRate is the share of lookups served from the cache (0 before any).
func (s Stats) CacheHitRate() float64 {
	if s.CacheHits+s.CacheMisses == 0 {
		return 0
	}
	return float64(s.CacheHits) / float64(s.CacheHits+s.CacheMisses)
}

// MeanRun is the average run time (0 before any run).
func (s Stats) MeanRun() time.Duration {
	if s.Runs == 0 {
		return 0
	}
	return s.RunTime / time.Duration(s.Runs)
}

type engineStats struct {
	mu sync.Mutex
	s  Stats
}

func (es *engineStats) run(d time.Duration, err error) {
	es.mu.Lock()
	defer es.mu.Unlock()
	es.s.Runs++
	if err != nil {
		es.s.Failures++
	}
	es.s.RunTime += d
	es.s.LastRun = d
}

func (es *engineStats) phase(p Phase, d time.Duration) {
	es.mu.Lock()
	defer es.mu.Unlock()
	if es.s.PhaseTime == nil {
		es.s.PhaseTime = map[Phase]time.Duration{}
	}
	es.s.PhaseTime[p] += d
}

// Stats reports the engine's activity so far. It is safe to call while runs
// are in progress.
func (e *Engine) Stats() Stats {
	e.stats.mu.Lock()
	s := e.stats.s
	s.PhaseTime = make(map[Phase]time.Duration, len(e.stats.s.PhaseTime))
	for k, v := range e.stats.s.PhaseTime {
		s.PhaseTime[k] = v
	}
	e.stats.mu.Unlock()
	s.CacheHits, s.CacheMisses = e.CacheStats()
	return s
}
