package lazy

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

func TestValueComputesOnceUnderConcurrency(t *testing.T) {
	var calls atomic.Int32
	v := New(func() (int, error) { calls.Add(1); return 42, nil })
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := v.Get(); got != 42 || err != nil {
				t.Errorf("Get = %d, %v", got, err)
			}
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times", calls.Load())
	}
	if s := v.Stats(); s.Misses != 1 || s.Hits != 63 {
		t.Errorf("stats = %+v, want 1 miss and 63 hits", s)
	}
}

func TestValueKeepsItsError(t *testing.T) {
	boom := errors.New("boom")
	var calls int
	v := New(func() (string, error) { calls++; return "", boom })
	for range 3 {
		if _, err := v.Get(); !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
	}
	if calls != 1 {
		t.Errorf("a failed computation ran %d times", calls)
	}
}

func TestCacheCountsPerKey(t *testing.T) {
	var loads atomic.Int32
	c := NewCache(func(k string) (int, error) { loads.Add(1); return len(k), nil })
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := []string{"a", "bb", "ccc"}[i%3]
			if got, _ := c.Get(k); got != len(k) {
				t.Errorf("Get(%q) = %d", k, got)
			}
		}()
	}
	wg.Wait()
	s := c.Stats()
	if loads.Load() != 3 || s.Misses != 3 || s.Hits != 97 {
		t.Errorf("loads %d, stats %+v", loads.Load(), s)
	}
	if r := s.HitRate(); r != 0.97 {
		t.Errorf("hit rate %v", r)
	}
}

func ExampleValue() {
	config := New(func() (string, error) { return "loaded once", nil })
	for range 3 {
		v, _ := config.Get()
		fmt.Println(v)
	}
	fmt.Printf("%+v\n", config.Stats())
	// Output:
	// loaded once
	// loaded once
	// loaded once
	// {Hits:2 Misses:1}
}

func ExampleCache() {
	lengths := NewCache(func(name string) (int, error) { return len(name), nil })
	for _, n := range []string{"button", "page", "button"} {
		l, _ := lengths.Get(n)
		fmt.Println(n, l)
	}
	fmt.Printf("hit rate %.2f\n", lengths.Stats().HitRate())
	// Output:
	// button 6
	// page 4
	// button 6
	// hit rate 0.33
}

// A computation that panicked has no value to keep: every Get panics with
// what it panicked with, and it is not run again. Later Gets returned a zero
// value with a nil error, counted as hits.
// Both count the computing Get a miss and the others hits (a Value counted
// none of them).
func TestPanicIsKept(t *testing.T) {
	calls := 0
	boom := func() (int, error) { calls++; panic("boom") }
	value, cache := New(boom), NewCache(func(string) (int, error) { return boom() })
	for name, tc := range map[string]struct {
		get   func() (int, error)
		stats func() Stats
	}{
		"Value": {value.Get, value.Stats},
		"Cache": {func() (int, error) { return cache.Get("k") }, cache.Stats},
	} {
		get := tc.get
		calls = 0
		for i := range 3 {
			func() {
				defer func() {
					if p := recover(); p != "boom" {
						t.Errorf("%s: Get %d recovered %v, want the panic again", name, i, p)
					}
				}()
				v, err := get()
				t.Errorf("%s: Get %d returned %v, %v", name, i, v, err)
			}()
		}
		if calls != 1 {
			t.Errorf("%s: computed %d times, want once", name, calls)
		}
		if got := tc.stats(); got != (Stats{Hits: 2, Misses: 1}) {
			t.Errorf("%s: %+v after three Gets of a panicking computation, want 1 miss and 2 hits", name, got)
		}
	}
}

// A computation that called runtime.Goexit (t.FailNow) left no value: the
// Gets after it panic with ErrGoexit. They returned a zero value and no
// error, counted as hits.
func TestGoexitIsKept(t *testing.T) {
	v := New(func() (int, error) { runtime.Goexit(); return 1, nil })
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = v.Get()
		t.Error("Get returned from a computation that called runtime.Goexit")
	}()
	<-done
	defer func() {
		if p := recover(); p != ErrGoexit {
			t.Errorf("the Get after recovered %v, want ErrGoexit", p)
		}
	}()
	got, err := v.Get()
	t.Errorf("the Get after returned %v, %v", got, err)
}
