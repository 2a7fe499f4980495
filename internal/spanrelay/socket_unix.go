//go:build unix

package spanrelay

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// socket is the receiving end, read with plain system calls rather than
// through the net package. A socket registered with Go's poller has the
// poller woken for every datagram, whether anyone is reading or not, and
// the kernel charges that wake-up to the sender: most of what a datagram
// costs a CLI run (docs/metrics.md, "Overhead"). Kept out of the poller,
// the socket wakes this process only while it waits in wait.
type socket struct {
	fd int
	// stop's read end becomes readable when its write end is closed,
	// which ends a wait.
	stopR, stopW *os.File
	stopFd       int32 // stopR's, in blocking mode, for poll
}

// listen binds a non-blocking datagram socket at path with mode 0600.
// Linux gives the socket file the mode of the socket's inode, so setting it
// before bind leaves no moment in which other users could send; other
// systems get the chmod after bind.
func listen(path string) (*socket, error) {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	syscall.CloseOnExec(fd)
	s := &socket{fd: fd}
	if err := s.setup(path); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	if s.stopR, s.stopW, err = os.Pipe(); err != nil {
		os.Remove(path)
		syscall.Close(fd)
		return nil, err
	}
	s.stopFd = int32(s.stopR.Fd())
	return s, nil
}

func (s *socket) setup(path string) error {
	if err := syscall.SetNonblock(s.fd, true); err != nil {
		return os.NewSyscallError("setnonblock", err)
	}
	if err := syscall.Fchmod(s.fd, 0o600); err != nil {
		return os.NewSyscallError("fchmod", err)
	}
	if err := syscall.Bind(s.fd, &syscall.SockaddrUnix{Name: path}); err != nil {
		return os.NewSyscallError("bind", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		os.Remove(path)
		return err
	}
	// The system may cap it; a smaller buffer only makes senders fall back
	// sooner.
	_ = syscall.SetsockoptInt(s.fd, syscall.SOL_SOCKET, syscall.SO_RCVBUF, readBuffer)
	return nil
}

// errEmpty says that no datagram is queued.
var errEmpty = errors.New("no datagram queued")

// recv reads one queued datagram into buf without waiting: errEmpty when
// there is none.
func (s *socket) recv(buf []byte) (int, error) {
	for {
		n, _, err := syscall.Recvfrom(s.fd, buf, 0)
		switch err {
		case nil:
			return n, nil
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return 0, errEmpty
		}
		return 0, os.NewSyscallError("recvfrom", err)
	}
}

// wait blocks until a datagram is queued or stop was called; it reports
// which with stopped.
func (s *socket) wait() (stopped bool, err error) {
	fds := []unix.PollFd{{Fd: int32(s.fd), Events: unix.POLLIN}, {Fd: s.stopFd, Events: unix.POLLIN}}
	for {
		_, err := unix.Poll(fds, -1)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return false, os.NewSyscallError("poll", err)
		case fds[1].Revents != 0:
			return true, nil
		case fds[0].Revents != 0:
			return false, nil
		}
	}
}

// stop ends a wait, now or to come.
func (s *socket) stop() { s.stopW.Close() }

// close releases the socket; the caller must not use it after.
func (s *socket) close() error {
	s.stopW.Close()
	s.stopR.Close()
	return os.NewSyscallError("close", syscall.Close(s.fd))
}
