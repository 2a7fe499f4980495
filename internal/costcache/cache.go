package costcache

import (
	"sync"
)

// Stats is a snapshot of a cache's counters and size.
type Stats struct {
	Hits      int64 `json:"hits"`
	Misses    int64 `json:"misses"`
	Evictions int64 `json:"evictions"`
	Entries   int   `json:"entries"`
	Cost      int64 `json:"cost"`     // total cost of the entries held
	MaxCost   int64 `json:"max_cost"` // the budget
}

// HitRate is hits / lookups, or 0 before the first lookup.
func (s Stats) HitRate() float64 {
	if n := s.Hits + s.Misses; n > 0 {
		return float64(s.Hits) / float64(n)
	}
	return 0
}

type entry[K comparable, V any] struct {
	key        K
	ready      chan struct{} // closed once val/err are set
	val        V
	err        error
	cost       int64
	prev, next *entry[K, V] // recency list; nil while loading
	listed     bool
}

// Cache maps keys to values computed on demand. The zero value is not usable;
// make one with New.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex
	items   map[K]*entry[K, V]
	root    entry[K, V] // sentinel: root.next is the most recently used
	cost    int64
	maxCost int64

	hits, misses, evictions int64
}

// New makes a cache that holds entries up to a total cost of maxCost.
func New[K comparable, V any](maxCost int64) *Cache[K, V] {
	c := &Cache[K, V]{items: map[K]*entry[K, V]{}, maxCost: maxCost}
	c.root.next, c.root.prev = &c.root, &c.root
	return c
}

// Get returns the value for key, calling load to make it when it is not
// held. load returns the value, its cost and an error; errors are cached
// like values (a template that fails to compile fails the same way next
// time). A value costing more than the whole budget is returned but not kept.
func (c *Cache[K, V]) Get(key K, load func() (V, int64, error)) (V, error) {
	c.mu.Lock()
	e, ok := c.items[key]
	if ok {
		c.hits++
		if e.listed {
			c.unlink(e)
			c.pushFront(e)
		}
		c.mu.Unlock()
		<-e.ready
		return e.val, e.err
	}
	c.misses++
	e = &entry[K, V]{key: key, ready: make(chan struct{})}
	c.items[key] = e
	c.mu.Unlock()

	e.val, e.cost, e.err = load()
	close(e.ready)

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items[key] != e { // removed by Purge while loading
		return e.val, e.err
	}
	if e.cost > c.maxCost {
		delete(c.items, key)
		c.evictions++
		return e.val, e.err
	}
	c.pushFront(e)
	c.cost += e.cost
	c.evictTo(c.maxCost)
	return e.val, e.err
}

// Stats returns the current counters.
func (c *Cache[K, V]) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Stats{Hits: c.hits, Misses: c.misses, Evictions: c.evictions,
		Entries: len(c.items), Cost: c.cost, MaxCost: c.maxCost}
}

// SetMaxCost changes the budget, evicting at once if the cache is over it.
func (c *Cache[K, V]) SetMaxCost(maxCost int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.maxCost = maxCost
	c.evictTo(maxCost)
}

// Shrink evicts least recently used entries until the cache holds at most
// fraction (0..1) of its current cost; the budget is unchanged, so the cache
// grows again when memory allows. It returns the cost released.
func (c *Cache[K, V]) Shrink(fraction float64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	before := c.cost
	c.evictTo(int64(float64(c.cost) * fraction))
	return before - c.cost
}

// Purge drops every entry; counters are kept.
func (c *Cache[K, V]) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.evictions += int64(len(c.items))
	clear(c.items)
	c.root.next, c.root.prev = &c.root, &c.root
	c.cost = 0
}

func (c *Cache[K, V]) evictTo(limit int64) {
	for c.cost > limit && c.root.prev != &c.root {
		e := c.root.prev
		c.unlink(e)
		delete(c.items, e.key)
		c.cost -= e.cost
		c.evictions++
	}
}

func (c *Cache[K, V]) pushFront(e *entry[K, V]) {
	e.prev, e.next = &c.root, c.root.next
	c.root.next.prev = e
	c.root.next = e
	e.listed = true
}

func (c *Cache[K, V]) unlink(e *entry[K, V]) {
	e.prev.next, e.next.prev = e.next, e.prev
	e.prev, e.next, e.listed = nil, nil, false
}
