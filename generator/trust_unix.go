//go:build unix

package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// trustedConfig refuses a .hygen.js that someone else could have put where
// it is: one anyone may write, or one that belongs to another user (root
// aside) in a folder anyone may write to, such as /tmp, which the search
// upward reaches from every project below it. Running it would run their
// code as this user. A project checked out by another user (a container
// running as root over a mounted folder) is not refused: only who may
// write the file or its folder counts.
func trustedConfig(file string) error {
	var f, dir syscall.Stat_t
	if syscall.Stat(file, &f) != nil || syscall.Stat(filepath.Dir(file), &dir) != nil {
		return nil // loading it says what is wrong
	}
	mine := f.Uid == uint32(os.Geteuid()) || f.Uid == 0
	switch {
	case f.Mode&0o002 != 0:
		return fmt.Errorf("not running it: anyone may write it (mode %04o), so anyone could have changed it; remove the permission (chmod o-w) to use it", f.Mode&0o7777)
	case dir.Mode&0o002 != 0 && !mine:
		return fmt.Errorf("not running it: it belongs to user %d, in %s, a folder anyone may write to, so anyone could have put it there; make it yours (chown) or move it to use it", f.Uid, filepath.Dir(file))
	}
	return nil
}
