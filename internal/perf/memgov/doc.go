// Package memgov gives cache memory back when the live heap nears the
// memory limit (see memlimit, which sets it): a Governor halves every
// registered cache under pressure. It is apart from memlimit because it
// reads runtime/metrics, whose start-up work the everyday hypergen
// command, which only needs the limit set, should not pay for.
package memgov
