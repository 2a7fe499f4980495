package costcache

import (
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
)

func load(v string, cost int64) func() (string, int64, error) {
	return func() (string, int64, error) { return v, cost, nil }
}

func TestEvictsLeastRecentlyUsedByCost(t *testing.T) {
	c := New[string, string](10)
	c.Get("a", load("A", 4))
	c.Get("b", load("B", 4))
	c.Get("a", load("never", 4)) // a is now the most recently used
	c.Get("c", load("C", 4))     // 12 > 10: b goes
	got := c.Stats()
	want := Stats{Hits: 1, Misses: 3, Evictions: 1, Entries: 2, Cost: 8, MaxCost: 10}
	if got != want {
		t.Fatalf("stats = %+v, want %+v", got, want)
	}
	reloaded := false
	c.Get("b", func() (string, int64, error) { reloaded = true; return "B", 4, nil })
	if !reloaded {
		t.Error("b was served after its eviction")
	}
	if v, _ := c.Get("c", load("other", 1)); v != "C" {
		t.Errorf("c = %q", v)
	}
}

func TestOversizedValueIsReturnedNotKept(t *testing.T) {
	c := New[int, string](5)
	if v, _ := c.Get(1, load("big", 6)); v != "big" {
		t.Fatalf("v = %q", v)
	}
	if s := c.Stats(); s.Entries != 0 || s.Cost != 0 || s.Evictions != 1 {
		t.Errorf("stats = %+v", s)
	}
}

func TestConcurrentMissesLoadOnce(t *testing.T) {
	c := New[string, int](1 << 20)
	var loads atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := c.Get("k", func() (int, int64, error) {
				loads.Add(1)
				<-release
				return 42, 1, nil
			})
			if v != 42 {
				t.Errorf("v = %d", v)
			}
		}()
	}
	// Wait until every goroutine has looked the key up, then let the load finish.
	for {
		if s := c.Stats(); s.Hits+s.Misses == 8 {
			break
		}
	}
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Errorf("loaded %d times", n)
	}
	if s := c.Stats(); s.Misses != 1 || s.Hits != 7 {
		t.Errorf("stats = %+v", s)
	}
}

func TestErrorsAreCachedToo(t *testing.T) {
	c := New[string, string](100)
	boom := errors.New("boom")
	calls := 0
	for range 2 {
		_, err := c.Get("bad", func() (string, int64, error) { calls++; return "", 1, boom })
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
	}
	if calls != 1 {
		t.Errorf("load called %d times", calls)
	}
}

func TestShrinkAndBudgetChanges(t *testing.T) {
	c := New[string, string](100)
	for i := range 10 {
		c.Get(strconv.Itoa(i), load("v", 10))
	}
	if freed := c.Shrink(0.5); freed != 50 {
		t.Errorf("Shrink freed %d, want 50", freed)
	}
	// The most recently used half stays.
	if s := c.Stats(); s.Entries != 5 || s.Hits != 0 {
		t.Fatalf("stats = %+v", s)
	}
	c.Get("9", load("x", 10))
	if s := c.Stats(); s.Hits != 1 {
		t.Errorf("recent entry 9 was evicted: %+v", s)
	}
	c.SetMaxCost(20)
	if s := c.Stats(); s.Cost != 20 || s.MaxCost != 20 {
		t.Errorf("after SetMaxCost: %+v", s)
	}
	c.Purge()
	if s := c.Stats(); s.Entries != 0 || s.Cost != 0 {
		t.Errorf("after Purge: %+v", s)
	}
	if r := (Stats{Hits: 99, Misses: 1}).HitRate(); r != 0.99 {
		t.Errorf("hit rate = %v", r)
	}
}

func BenchmarkGetHit(b *testing.B) {
	c := New[string, string](1 << 20)
	c.Get("k", load("v", 1))
	for b.Loop() {
		c.Get("k", load("v", 1))
	}
}

func BenchmarkGetParallelHits(b *testing.B) {
	c := New[int, int](1 << 20)
	for i := range 64 {
		c.Get(i, func() (int, int64, error) { return i, 1, nil })
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Get(i%64, func() (int, int64, error) { return i, 1, nil })
			i++
		}
	})
}
