// Package costcache is a bounded, concurrency-safe cache whose entries have a
// cost (an estimate of the bytes they hold): when the total cost passes the
// budget, the least recently used entries are evicted. Concurrent requests for
// a missing key load it once. Hit, miss and eviction counts make its
// efficiency measurable, and Shrink lets a memory governor give memory back
// under pressure.
package costcache
