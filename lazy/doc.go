// Package lazy holds values that are computed on first use and then served
// from memory, counting how often they were served (hits) and computed
// (misses): the accounting the performance system reports as a hit rate.
package lazy
