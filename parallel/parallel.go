package parallel

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// ItemError is the error of one item, with its position in the input.
type ItemError struct {
	Index int
	Err   error
}

// Error names the item's position and its error.
func (e *ItemError) Error() string { return fmt.Sprintf("item %d: %v", e.Index, e.Err) }

// Unwrap returns the item's error.
func (e *ItemError) Unwrap() error { return e.Err }

// Map calls fn for every item, at most limit at a time (limit < 1 means
// GOMAXPROCS), and returns the results in the order of items. Every item
// runs even when others fail; the returned error joins one *ItemError per
// failed item, in input order, so errors.As finds the earliest. A cancelled
// ctx stops items that have not started; they fail with ctx's error. A
// panic in fn is raised again in Map's caller, with its value, once every
// worker has stopped: in a worker's goroutine it would end the process,
// where the caller may recover it (an HTTP handler does). Likewise an fn
// that calls runtime.Goexit (t.FailNow in a test) ends Map's caller's
// goroutine, once every worker has stopped.
func Map[T, R any](ctx context.Context, limit int, items []T, fn func(ctx context.Context, index int, item T) (R, error)) ([]R, error) {
	if limit < 1 {
		limit = runtime.GOMAXPROCS(0)
	}
	out := make([]R, len(items))
	errs := make([]error, len(items))
	// A fixed set of workers takes the items in turn, the caller being one
	// of them, rather than a goroutine per item: every new goroutine grows
	// its stack again (a template parse recurses deeply), which a cold run
	// pays in page faults, and a single worker needs no goroutine at all.
	var next atomic.Int64
	var (
		mu       sync.Mutex
		panicked any  // the first panic's value; never nil, even for panic(nil)
		goexited bool // an fn called runtime.Goexit
	)
	work := func() {
		returned := false
		defer func() {
			if returned {
				return
			}
			r := recover()
			mu.Lock()
			defer mu.Unlock()
			if r == nil {
				goexited = true // and Goexit goes on
			} else if panicked == nil {
				panicked = r
			}
		}()
		for {
			i := int(next.Add(1) - 1)
			if i >= len(items) {
				returned = true
				return
			}
			if err := ctx.Err(); err != nil {
				errs[i] = &ItemError{Index: i, Err: err}
				continue
			}
			r, err := fn(ctx, i, items[i])
			out[i] = r
			if err != nil {
				errs[i] = &ItemError{Index: i, Err: err}
			}
		}
	}
	var wg sync.WaitGroup
	// Also when the caller's own turn as a worker ends in runtime.Goexit.
	defer wg.Wait()
	for range min(limit, len(items)) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	switch {
	case panicked != nil:
		panic(panicked)
	case goexited:
		runtime.Goexit()
	}
	return out, errors.Join(errs...)
}
