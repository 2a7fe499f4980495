package otlplite

import "time"

// SetStaleAfter sets how old a warm connection must be before Shutdown
// checks it, and returns a function that restores the default.
func SetStaleAfter(d time.Duration) (restore func()) {
	old := staleAfter
	staleAfter = d
	return func() { staleAfter = old }
}
