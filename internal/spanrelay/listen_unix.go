//go:build unix

package spanrelay

import (
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
