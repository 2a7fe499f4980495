//go:build unix

package sockclaim

import (
	"fmt"
	"os"
	"syscall"
)

// openNoFollow makes opening the lock file fail if it is a link.
const openNoFollow = syscall.O_NOFOLLOW

// ownLockFile refuses a lock file another user owns: one made in a shared
// folder before the listener started, whose lock that user could hold.
func ownLockFile(f *os.File) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", f.Name())
	}
	if uid := uint32(os.Geteuid()); st.Uid != uid {
		return fmt.Errorf("the lock file %s belongs to user %d, not to this user (%d); put the socket in a folder of one's own", f.Name(), st.Uid, uid)
	}
	return nil
}
