//go:build !unix

package jsrt

import "os"

// exitSignal: only Unix ends a child with a signal.
func exitSignal(*os.ProcessState) string { return "" }
