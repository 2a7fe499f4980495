package cli

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// TestSignalWaitsForTheApplyPhase: a run putting files into place when its
// signal's grace runs out is let finish (ending it then left thousands of
// lock files and old copies behind), up to applyGrace; a run still doing
// so after that, or doing anything else, is ended.
func TestSignalWaitsForTheApplyPhase(t *testing.T) {
	defer func(s, a time.Duration) { signalGrace, applyGrace = s, a }(signalGrace, applyGrace)
	// The run ends 20 ms after its apply phase, which leaves signalGrace
	// less those 20 ms for a loaded machine's timers to fire in order.
	signalGrace, applyGrace = 150*time.Millisecond, time.Second
	for _, tc := range []struct {
		name           string
		applyFor, ends time.Duration // how long the apply phase lasts, when the run ends
		wantEnded      bool
	}{
		{"applying, then done", 400 * time.Millisecond, 420 * time.Millisecond, false},
		{"applying past the bound", time.Hour, time.Hour, true},
		{"stuck elsewhere", 0, time.Hour, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			finished := make(chan struct{})
			timer := time.AfterFunc(tc.ends, func() { close(finished) })
			defer timer.Stop()
			var generated atomic.Int32
			generated.Store(-1)
			ended := make(chan struct{})
			var stderr strings.Builder
			go func() {
				defer close(ended)
				endAfterSignal(finished, &generated, func() bool { return time.Since(start) < tc.applyFor }, &stderr,
					func(why string, _ error) { stderr.WriteString(why); runtime.Goexit() })
			}()
			select {
			case <-ended:
			case <-time.After(5 * time.Second):
				t.Fatal("endAfterSignal neither returned nor ended the run")
			}
			gotEnded := strings.Contains(stderr.String(), "did not stop")
			if gotEnded != tc.wantEnded {
				t.Errorf("ended: %v, want %v\n%s", gotEnded, tc.wantEnded, stderr.String())
			}
		})
	}
}
