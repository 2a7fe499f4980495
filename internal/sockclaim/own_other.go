//go:build !unix

package sockclaim

import "os"

// openNoFollow: no flag here; a link is followed.
const openNoFollow = 0

// ownLockFile: files have no owning user id to compare here.
func ownLockFile(*os.File) error { return nil }
