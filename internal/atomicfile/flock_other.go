//go:build !unix

package atomicfile

import "os"

// TryLock: without flock it always succeeds, so only writers in this
// process are serialised.
func TryLock(*os.File) (bool, error) { return true, nil }

// tooManyFolders returns err: without flock a run keeps no lock file open
// per folder.
func tooManyFolders(err error, _ int) error { return err }

// checkOpenLimit has nothing to check without lock files.
func checkOpenLimit(int) error { return nil }
