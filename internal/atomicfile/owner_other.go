//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// keepOwnerAndMode gives the new file f the permissions of the file it
// replaces; files have no owner to keep here.
func keepOwnerAndMode(f *os.File, old fs.FileInfo) error { return f.Chmod(old.Mode().Perm()) }
