//go:build unix

package spanrelay

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// listen binds a datagram socket at path with mode 0600. Linux gives the
// socket file the mode of the socket's inode, so setting it before bind
// leaves no moment in which other users could send; other systems get the
// chmod after bind.
func listen(path string) (*net.UnixConn, error) {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	syscall.CloseOnExec(fd)
	f := os.NewFile(uintptr(fd), path)
	defer f.Close() // FilePacketConn works on a duplicate
	if err := syscall.Fchmod(fd, 0o600); err != nil {
		return nil, os.NewSyscallError("fchmod", err)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: path}); err != nil {
		return nil, os.NewSyscallError("bind", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		os.Remove(path)
		return nil, err
	}
	c, err := net.FilePacketConn(f)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return c.(*net.UnixConn), nil
}

// openNoFollow makes opening the lock file fail if it is a link.
const openNoFollow = syscall.O_NOFOLLOW

// ownLockFile refuses a lock file another user owns: one made in a shared
// folder before the agent started, whose lock that user could hold.
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
		return fmt.Errorf("the lock file %s belongs to user %d, not to this user (%d); put the relay socket in a folder of one's own", f.Name(), st.Uid, uid)
	}
	return nil
}
