package atomicfile

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the files a and b of the folder dir (dir's name in the
// Tx) in one step, or returns an error matching errors.ErrUnsupported
// where the file system cannot.
func (tx *Tx) exchange(folder string, dir tree, a, b string) error {
	f, ok := tx.dirFDs[folder]
	if !ok {
		var err error
		if f, err = dir.Open("."); err != nil {
			return fmt.Errorf("%w: %v", errors.ErrUnsupported, err)
		}
		if len(tx.dirFDs) < maxExchangeFolders {
			if tx.dirFDs == nil {
				tx.dirFDs = map[string]*os.File{}
			}
			tx.dirFDs[folder] = f
		} else {
			defer f.Close()
		}
	}
	fd := int(f.Fd())
	err := unix.Renameat2(fd, a, fd, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return fmt.Errorf("%w: %v", errors.ErrUnsupported, err)
	}
	if err != nil {
		return &os.LinkError{Op: "renameat2", Old: a, New: b, Err: err}
	}
	return nil
}
