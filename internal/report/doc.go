// Package report draws hypergen's performance views as one self-contained
// HTML page: charts are SVG generated here in Go (no scripts, no fonts, no
// network fetches), so the file opens anywhere and the agent can serve the
// same page live.
//
// The charts: the scalability curve on log-log axes with the fitted line and
// its exponent, memory per template over tree size, the start-up phase
// breakdown, latency percentiles by operation, the cache hit rate, and the
// trend over stored runs; findings and recommendations follow as text.
// Callers fill Data from whatever they measured (perf runs, the agent).
package report
