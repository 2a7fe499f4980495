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
// code as this user. A symbolic link is judged as well as the file it
// leads to: another user's link in such a folder to a file of root's or
// one's own would otherwise pass. A project checked out by another user (a
// container running as root over a mounted folder) is not refused: only
// who may write the file or its folder counts.
func trustedConfig(file string) error {
	var f syscall.Stat_t
	if syscall.Lstat(file, &f) != nil {
		return nil // loading it says what is wrong
	}
	if f.Mode&syscall.S_IFMT == syscall.S_IFLNK {
		if err := placedByOthers(file, f); err != nil {
			return err
		}
		real, err := filepath.EvalSymlinks(file)
		if err != nil || syscall.Stat(real, &f) != nil {
			return nil
		}
		file = real
	}
	if f.Mode&0o002 != 0 {
		return fmt.Errorf("not running it: anyone may write it (%s, mode %04o), so anyone could have changed it; remove the permission (chmod o-w) to use it", file, f.Mode&0o7777)
	}
	return placedByOthers(file, f)
}

// placedByOthers refuses a file (or link) st at path that belongs to
// another user (root aside) in a folder anyone may write to.
func placedByOthers(path string, st syscall.Stat_t) error {
	var dir syscall.Stat_t
	if syscall.Stat(filepath.Dir(path), &dir) != nil || dir.Mode&0o002 == 0 {
		return nil
	}
	if st.Uid == uint32(os.Geteuid()) || st.Uid == 0 {
		return nil
	}
	return fmt.Errorf("not running it: %s belongs to user %d, in %s, a folder anyone may write to, so anyone could have put it there; make it yours (chown) or move it to use it", path, st.Uid, filepath.Dir(path))
}
