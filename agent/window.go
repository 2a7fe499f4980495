package agent

import (
	"sort"
	"sync"
)

// window keeps the latest durations (seconds) of one kind, for percentiles
// over recent activity rather than over the process's whole life.
type window struct {
	mu   sync.Mutex
	buf  []float64
	next int
	full bool
}

const windowSize = 1024

func (w *window) add(v float64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf == nil {
		w.buf = make([]float64, windowSize)
	}
	w.buf[w.next] = v
	w.next = (w.next + 1) % windowSize
	if w.next == 0 {
		w.full = true
	}
}

// quantile returns the q-quantile (nearest rank) and whether there is data.
func (w *window) quantile(q float64) (float64, bool) {
	w.mu.Lock()
	n := w.next
	if w.full {
		n = windowSize
	}
	xs := append([]float64(nil), w.buf[:n]...)
	w.mu.Unlock()
	if len(xs) == 0 {
		return 0, false
	}
	sort.Float64s(xs)
	i := int(q*float64(len(xs))+0.999999) - 1
	return xs[max(0, min(i, len(xs)-1))], true
}
