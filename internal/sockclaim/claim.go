package sockclaim

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"syscall"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
)

// Claim makes path free for a listener on network ("unix" or "unixgram")
// and locks it: the caller listens, and calls unlock once it has stopped.
// The lock file, path plus ".lock", is left in place: removing it would
// let a third listener lock a new file while the second holds the old one.
func Claim(path, network string) (unlock func(), err error) {
	// A path that is something else is refused before the lock file is
	// made, so the mistake leaves nothing behind; claim checks again under
	// the lock.
	if fi, err := os.Lstat(path); err == nil && fi.Mode().Type() != fs.ModeSocket {
		return nil, errors.New("the path exists and is not a socket")
	}
	if unlock, err = lock(path); err != nil {
		return nil, err
	}
	if err := claim(path, network); err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}

// lock takes an exclusive lock on path+".lock", created if need be. The
// lock file is not followed if it is a link, and must be this user's: in a
// shared folder such as /tmp, another user's link would make an agent
// running as root create a file wherever it leads.
func lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR|openNoFollow, 0o600)
	if err != nil {
		return nil, err
	}
	if err := ownLockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	ok, err := atomicfile.TryLock(f)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("locking %s: %w", f.Name(), err)
		}
		return nil, errors.New("another process is listening on it")
	}
	return func() { f.Close() }, nil // closing the file releases the lock
}

// claim makes sure path can be listened on, the caller holding its lock: it
// removes a socket left by a listener that is gone, and refuses anything
// else that is there.
func claim(path, network string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Mode().Type() != fs.ModeSocket {
		return errors.New("the path exists and is not a socket")
	}
	c, err := net.Dial(network, path)
	if err == nil {
		// Bound by a process that does not take the lock.
		c.Close()
		return errors.New("another process is listening on it")
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		return err
	}
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("removing the stale socket: %w", err)
	}
	return nil
}
