//go:build !unix

package jsrt

import (
	"os/user"
	"path/filepath"
)

// passwdEntry is the current user as Node's os.userInfo() gives it where
// there is no password database: uid and gid -1, no shell, the account
// name without its domain.
func passwdEntry() (account, bool) {
	u, err := user.Current()
	if err != nil {
		return account{}, false
	}
	return account{uid: -1, gid: -1, name: filepath.Base(u.Username), home: u.HomeDir}, true
}
