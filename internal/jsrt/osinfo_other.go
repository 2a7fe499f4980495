//go:build !linux

package jsrt

// machineInfo has no source here: os.release() and the others report
// empty strings and zeros on systems other than Linux.
func machineInfo() (machine, bool) { return machine{}, false }
