//go:build unix

package spanrelay

import (
	"fmt"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// datagramSocket is the receiving end of the relay: a Unix datagram socket
// read with plain system calls, and a pipe that Shutdown writes to. Not the
// net package: its poller keeps the socket registered with epoll, so every
// datagram wakes the thread waiting there, and the sender pays for that
// wake-up in its sendto (a cross-CPU interrupt: on a 2-CPU VM, a sender's
// socket, sendto and close took 31 µs of its CPU with a reader waiting on
// the other CPU, 8 µs with none). Here the socket is waited on only while
// the receiver is idle (Receiver.serve).
type datagramSocket struct {
	fd           int
	wakeR, wakeW int // Shutdown's pipe
}

// listen binds a datagram socket at path with mode 0600. Linux gives the
// socket file the mode of the socket's inode, so setting it before bind
// leaves no moment in which other users could send; other systems get the
// chmod after bind.
func listen(path string) (*datagramSocket, error) {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	syscall.CloseOnExec(fd)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		syscall.Close(fd)
		return nil, os.NewSyscallError("pipe", err)
	}
	s := &datagramSocket{fd: fd, wakeR: p[0], wakeW: p[1]}
	syscall.CloseOnExec(s.wakeR)
	syscall.CloseOnExec(s.wakeW)
	fail := func(err error) (*datagramSocket, error) {
		s.close()
		return nil, err
	}
	if err := syscall.Fchmod(fd, 0o600); err != nil {
		return fail(os.NewSyscallError("fchmod", err))
	}
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: path}); err != nil {
		return fail(os.NewSyscallError("bind", err))
	}
	if err := os.Chmod(path, 0o600); err != nil {
		os.Remove(path)
		return fail(err)
	}
	return s, nil
}

// setReadBuffer asks for a receive buffer of n bytes; the system may cap it.
func (s *datagramSocket) setReadBuffer(n int) {
	_ = syscall.SetsockoptInt(s.fd, syscall.SOL_SOCKET, syscall.SO_RCVBUF, n)
}

// wait blocks until a datagram is queued (if socket), Shutdown has called
// wake (if woken), or timeout has passed (a negative timeout never does).
func (s *datagramSocket) wait(timeout time.Duration, socket, woken bool) (readable, wake bool, err error) {
	fds := make([]unix.PollFd, 0, 2)
	if woken {
		fds = append(fds, unix.PollFd{Fd: int32(s.wakeR), Events: unix.POLLIN})
	}
	if socket {
		fds = append(fds, unix.PollFd{Fd: int32(s.fd), Events: unix.POLLIN})
	}
	ms := -1
	if timeout >= 0 {
		ms = int((timeout + time.Millisecond - 1) / time.Millisecond)
	}
	for {
		_, err = unix.Poll(fds, ms)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return false, false, os.NewSyscallError("poll", err)
	}
	for _, f := range fds {
		if f.Revents == 0 {
			continue
		}
		if int(f.Fd) == s.wakeR {
			wake = true
		} else {
			readable = true
		}
	}
	return readable, wake, nil
}

// read reads one queued datagram into buf without waiting; ok is false
// when none is queued. A datagram longer than buf is cut to its length.
func (s *datagramSocket) read(buf []byte) (n int, ok bool, err error) {
	for {
		n, _, err = syscall.Recvfrom(s.fd, buf, syscall.MSG_DONTWAIT)
		switch err {
		case nil:
			return n, true, nil
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return 0, false, nil
		default:
			return 0, false, os.NewSyscallError("recvfrom", err)
		}
	}
}

// wake ends a wait that watches for it, and every later one.
func (s *datagramSocket) wake() { syscall.Write(s.wakeW, []byte{0}) }

func (s *datagramSocket) close() error {
	syscall.Close(s.wakeR)
	syscall.Close(s.wakeW)
	return os.NewSyscallError("close", syscall.Close(s.fd))
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
