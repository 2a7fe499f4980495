package agent

import "sync/atomic"

// overlaps tells whether a generation ran alongside another. The
// JavaScript memory limit is checked against the process's heap, which
// every generation running at once shares, so a generation stopped by it
// is to blame only if it ran alone (goja keeps no account of what each
// runtime allocated).
type overlaps struct {
	running atomic.Int64 // generations running now
	started atomic.Int64 // generations started since the agent began
}

// begin marks a generation started; the function it returns marks it
// ended and reports whether any other generation ran during it: one was
// running when it started, or one started before it ended.
func (o *overlaps) begin() (end func() (shared bool)) {
	alongside := o.running.Add(1) > 1
	mine := o.started.Add(1)
	return func() bool {
		o.running.Add(-1)
		return alongside || o.started.Load() != mine
	}
}
