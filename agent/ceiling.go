package agent

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrMemoryCeiling is the cause of a generation stopped because the agent's
// live heap passed its memory ceiling while it ran.
var ErrMemoryCeiling = errors.New("stopped: the agent reached its memory ceiling while this generation ran")

// ceilingEvery is how often the live heap is read while generations run.
// The runtime updates the figure at the end of each collection, which a
// generation that allocates fast near the limit brings often.
const ceilingEvery = 50 * time.Millisecond

// ceiling stops the running generations when the live heap passes a share
// of the memory limit. Refusing new requests (overMemory) is not enough: one
// template that allocates in a loop for its whole time limit would take the
// agent past the limit, and a container's, and the agent would be killed
// with every request in flight. The heap is read only while a generation
// runs, so an idle agent does no work for it.
type ceiling struct {
	limit    int64        // bytes; 0 or less: no ceiling
	live     func() int64 // the live heap in bytes
	mu       sync.Mutex
	running  map[*runningGeneration]struct{}
	sampling bool // a sample goroutine runs
}

type runningGeneration struct{ cancel context.CancelCauseFunc }

// watch returns the context a generation runs in, cancelled with
// ErrMemoryCeiling if the live heap passes the ceiling meanwhile, and the
// function that ends the watch.
func (c *ceiling) watch(ctx context.Context) (context.Context, func()) {
	if c.limit <= 0 {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	g := &runningGeneration{cancel: cancel}
	c.mu.Lock()
	if c.running == nil {
		c.running = map[*runningGeneration]struct{}{}
	}
	c.running[g] = struct{}{}
	if !c.sampling {
		c.sampling = true
		go c.sample()
	}
	c.mu.Unlock()
	return ctx, func() {
		c.mu.Lock()
		delete(c.running, g)
		c.mu.Unlock()
		cancel(nil)
	}
}

// sample reads the live heap until no generation runs, stopping every
// running generation when it is over the ceiling.
func (c *ceiling) sample() {
	t := time.NewTicker(ceilingEvery)
	defer t.Stop()
	for range t.C {
		over := float64(c.live()) > refuseShare*float64(c.limit)
		c.mu.Lock()
		if len(c.running) == 0 {
			c.sampling = false
			c.mu.Unlock()
			return
		}
		if over {
			for g := range c.running {
				g.cancel(ErrMemoryCeiling)
			}
		}
		c.mu.Unlock()
	}
}
