package lazy

import (
	"errors"
	"sync"
	"sync/atomic"
)

// Stats counts lookups.
type Stats struct {
	Hits, Misses int64
}

// HitRate is hits over lookups (0 before the first lookup).
func (s Stats) HitRate() float64 {
	if s.Hits+s.Misses == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Hits+s.Misses)
}

type counter struct{ hits, misses atomic.Int64 }

func (c *counter) stats() Stats { return Stats{Hits: c.hits.Load(), Misses: c.misses.Load()} }

// Value is one value computed by its function on the first Get. The result,
// error included, is kept: a failed computation is not retried, and one that
// panicked panics again in every Get, as sync.OnceValues does (one that
// called runtime.Goexit, with ErrGoexit). It is safe for concurrent use;
// concurrent first calls compute once, and only the call that computed
// counts as a miss, whether it returned or panicked.
type Value[T any] struct {
	once    sync.Once
	compute func() (T, error)
	v       T
	err     error
	// panicked is what compute panicked with: it has no value to keep.
	panicked any
	c        counter
}

// ErrGoexit is what a Value panics with when its computation called
// runtime.Goexit (t.FailNow in a test): it left no value.
var ErrGoexit = errors.New("lazy: the computation called runtime.Goexit")

// New returns a Value computed by compute.
func New[T any](compute func() (T, error)) *Value[T] {
	return &Value[T]{compute: compute}
}

// Get returns the value, computing it on the first call.
func (v *Value[T]) Get() (T, error) {
	var computed bool
	defer func() {
		if computed {
			v.c.misses.Add(1)
		} else {
			v.c.hits.Add(1)
		}
	}()
	v.value(&computed)
	return v.v, v.err
}

// value computes the value if nobody has, setting *computed if this call did.
func (v *Value[T]) value(computed *bool) {
	v.once.Do(func() {
		*computed = true
		returned := false
		defer func() {
			if returned {
				return
			}
			if p := recover(); p != nil {
				v.panicked = p
				panic(p)
			}
			// compute called runtime.Goexit, which goes on ending this
			// goroutine; the Once is done all the same.
			v.panicked = ErrGoexit
		}()
		v.v, v.err = v.compute()
		returned = true
	})
	if v.panicked != nil {
		panic(v.panicked)
	}
}

// Stats reports the lookups so far.
func (v *Value[T]) Stats() Stats { return v.c.stats() }

// Cache maps keys to values computed on first use, each once. It is safe
// for concurrent use. It never evicts; for bounded memory use a key space
// that is bounded.
type Cache[K comparable, V any] struct {
	load    func(K) (V, error)
	entries sync.Map // K -> *Value[V]
	c       counter
}

// NewCache returns a Cache whose values come from load.
func NewCache[K comparable, V any](load func(K) (V, error)) *Cache[K, V] {
	return &Cache[K, V]{load: load}
}

// Get returns the value for key, computing it on the first request for it.
func (c *Cache[K, V]) Get(key K) (V, error) {
	e, loaded := c.entries.Load(key)
	if !loaded {
		e, loaded = c.entries.LoadOrStore(key, New(func() (V, error) { return c.load(key) }))
	}
	if loaded {
		c.c.hits.Add(1)
	} else {
		c.c.misses.Add(1)
	}
	v := e.(*Value[V])
	var computed bool
	v.value(&computed)
	return v.v, v.err
}

// Stats reports the lookups so far.
func (c *Cache[K, V]) Stats() Stats { return c.c.stats() }
