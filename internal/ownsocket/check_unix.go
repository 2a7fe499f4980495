//go:build unix

package ownsocket

import (
	"fmt"
	"os"
	"syscall"
)

// Check says what is wrong with path as a socket of this process's user:
// it does not exist, is not a socket, or another user owns it.
func Check(path string) error {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFSOCK {
		return fmt.Errorf("%s is not a socket", path)
	}
	if uid := effectiveUID(); st.Uid != uid {
		return &ForeignError{Path: path, Owner: st.Uid, User: uid}
	}
	return nil
}
