package parallel

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestMapKeepsOrderAndBound(t *testing.T) {
	items := make([]int, 50)
	for i := range items {
		items[i] = i
	}
	var running, peak atomic.Int32
	out, err := Map(context.Background(), 3, items, func(_ context.Context, _ int, v int) (int, error) {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(time.Millisecond)
		running.Add(-1)
		return v * v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range out {
		if v != i*i {
			t.Fatalf("out[%d] = %d", i, v)
		}
	}
	if p := peak.Load(); p > 3 || p < 2 {
		t.Errorf("peak concurrency %d, want 2..3", p)
	}
}

func TestMapCollectsEveryError(t *testing.T) {
	var ran atomic.Int32
	_, err := Map(context.Background(), 2, []string{"a", "bad1", "c", "bad2"}, func(_ context.Context, _ int, s string) (string, error) {
		ran.Add(1)
		if len(s) > 1 {
			return "", errors.New(s)
		}
		return s, nil
	})
	if ran.Load() != 4 {
		t.Errorf("%d items ran, want all 4", ran.Load())
	}
	var first *ItemError
	if !errors.As(err, &first) || first.Index != 1 || first.Err.Error() != "bad1" {
		t.Fatalf("first error = %#v (%v)", first, err)
	}
	if got := err.Error(); got != "item 1: bad1\nitem 3: bad2" {
		t.Errorf("err = %q", got)
	}
}

func TestMapStopsStartingAfterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	_, err := Map(ctx, 1, make([]int, 20), func(_ context.Context, i int, _ int) (int, error) {
		ran.Add(1)
		if i == 2 {
			cancel()
		}
		return 0, nil
	})
	if !errors.Is(err, context.Canceled) || ran.Load() > 4 {
		t.Errorf("ran %d items, err %v", ran.Load(), err)
	}
}

func ExampleMap() {
	words := []string{"component", "page", "store"}
	lengths, err := Map(context.Background(), 2, words, func(_ context.Context, _ int, w string) (int, error) {
		return len(w), nil
	})
	fmt.Println(lengths, err)
	// Output: [9 4 5] <nil>
}

// A panic in a worker reaches the caller, which can recover it, rather
// than ending the process.
func TestPanicReachesCaller(t *testing.T) {
	items := make([]int, 64)
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	_, _ = Map(context.Background(), 4, items, func(_ context.Context, i int, _ int) (int, error) {
		panic("boom") // in every worker, the caller among them

	})
	t.Error("Map returned after a panic")
}

// An fn that calls runtime.Goexit ends the caller's goroutine too, once
// every worker has stopped (the others taking the items the one that ended
// would have): in a worker, its item was silently zero and Map returned no
// error; in the caller, the workers ran on after it had gone.
func TestGoexitReachesCaller(t *testing.T) {
	for _, tc := range []struct{ limit, want int64 }{{1, 7}, {4, 39}} {
		limit := int(tc.limit)
		for range 20 {
			var ran atomic.Int64
			var returned atomic.Bool
			var ranWhenDone int64
			done := make(chan struct{})
			go func() {
				defer close(done)
				defer func() { ranWhenDone = ran.Load() }()
				_, _ = Map(context.Background(), limit, make([]int, 40), func(_ context.Context, i int, _ int) (int, error) {
					if i == 7 {
						runtime.Goexit()
					}
					time.Sleep(100 * time.Microsecond)
					ran.Add(1)
					return i, nil
				})
				returned.Store(true)
			}()
			<-done
			if returned.Load() {
				t.Fatalf("limit %d: Map returned after an fn called runtime.Goexit", limit)
			}
			time.Sleep(time.Millisecond)
			if ranWhenDone != tc.want || ran.Load() != tc.want {
				t.Fatalf("limit %d: %d items had run when the caller's goroutine ended, %d a moment later; want %d", limit, ranWhenDone, ran.Load(), tc.want)
			}
		}
	}
}
