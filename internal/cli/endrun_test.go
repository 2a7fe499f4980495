package cli

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// countingObserver counts the RunDone calls it is passed and keeps their errors.
type countingObserver struct {
	generator.Observer
	mu   sync.Mutex
	errs []error
}

func (o *countingObserver) RunDone(_ context.Context, _ *generator.Result, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.errs = append(o.errs, err)
}

// TestEndableRunEndsOnce: a run is ended once, by whichever of its own
// RunDone and abandon comes first, even when they race; a run that never
// started is not reported.
func TestEndableRunEndsOnce(t *testing.T) {
	stuck := errors.New("stuck")
	t.Run("never started", func(t *testing.T) {
		inner := &countingObserver{Observer: observe.Nop{}}
		(&endableRun{Observer: inner}).abandon(stuck)
		if len(inner.errs) != 0 {
			t.Errorf("a run that never started was reported %d times", len(inner.errs))
		}
	})
	t.Run("abandoned, then returns", func(t *testing.T) {
		inner := &countingObserver{Observer: observe.Nop{}}
		o := &endableRun{Observer: inner}
		ctx := o.RunStart(context.Background(), nil)
		o.abandon(stuck)
		o.RunDone(ctx, nil, nil)
		o.abandon(stuck)
		if len(inner.errs) != 1 || inner.errs[0] != stuck {
			t.Errorf("RunDone calls passed on: %v, want only the abandoning one", inner.errs)
		}
	})
	t.Run("racing", func(t *testing.T) {
		for range 200 {
			inner := &countingObserver{Observer: observe.Nop{}}
			o := &endableRun{Observer: inner}
			ctx := o.RunStart(context.Background(), nil)
			var wg sync.WaitGroup
			wg.Go(func() { o.RunDone(ctx, nil, nil) })
			wg.Go(func() { o.abandon(stuck) })
			wg.Wait()
			if len(inner.errs) != 1 {
				t.Fatalf("the run was reported %d times, want once", len(inner.errs))
			}
		}
	})
}
