// Package perf is hypergen's performance system: it builds synthetic template
// trees (perf/corpus), times generations in a warm process and in cold
// processes, validates how time and memory grow with the number of templates
// (perf/stats fits the exponents), keeps every result in a local history,
// analyses the history for bottlenecks and trends, builds the persistent
// index ahead of time, and exports everything as JSON (see EXPORT.md).
//
// Targets are measured and reported, never asserted: a slow machine makes a
// report say "not met", not a test fail.
package perf
