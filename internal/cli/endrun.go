package cli

import (
	"context"
	"sync"

	"github.com/hypergen-dev/hypergen/generator"
)

// endableRun passes a run's events on to its telemetry's observer and can
// end the run from outside it. A run the process must end at once
// (JavaScript stuck inside a built-in, or a signal the run outlives) never
// reaches its own RunDone; without this its span would never end, nothing
// would be exported, and a failed run would go uncounted.
type endableRun struct {
	generator.Observer
	mu    sync.Mutex
	ctx   context.Context // RunStart's, nil until the run starts
	ended bool
}

func (o *endableRun) RunStart(ctx context.Context, args []string) context.Context {
	ctx = o.Observer.RunStart(ctx, args)
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ctx = ctx
	return ctx
}

func (o *endableRun) RunDone(ctx context.Context, res *generator.Result, err error) {
	if o.end() != nil {
		o.Observer.RunDone(ctx, res, err)
	}
}

// abandon reports the run as failed with err, unless it never started or
// has already ended: whichever of abandon and RunDone comes first counts.
func (o *endableRun) abandon(err error) {
	if ctx := o.end(); ctx != nil {
		o.Observer.RunDone(ctx, nil, err)
	}
}

// end marks the run ended and returns its context, or nil if it had not
// started or had already ended.
func (o *endableRun) end() context.Context {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.ended || o.ctx == nil {
		return nil
	}
	o.ended = true
	return o.ctx
}
