package agent

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// One goroutine reads the heap however many generations come and go: each
// run of generations used to start another, which read on until a tick
// found none running, so quick requests in a row piled them up.
func TestCeilingSamplesOnce(t *testing.T) {
	var reads atomic.Int64
	c := &ceiling{limit: 1 << 40, live: func() int64 { reads.Add(1); return 0 }}
	for range 20 {
		_, done := c.watch(context.Background())
		done()
	}
	_, done := c.watch(context.Background())
	time.Sleep(500 * time.Millisecond)
	done()
	// One sampler reads about ten times in half a second; twenty-one, more
	// than two hundred.
	if n := reads.Load(); n > 30 {
		t.Errorf("the heap was read %d times in 500 ms: more than one sampler", n)
	}
}
