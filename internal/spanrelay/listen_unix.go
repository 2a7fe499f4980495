//go:build unix

package spanrelay

import (
	"errors"
	"net"
	"os"
	"sync"
	"syscall"
	"time"
)

// datagramSocket is the receiving end of the relay: a Unix datagram socket
// read with plain system calls. The net package would keep it registered
// with the runtime's poller, so that every datagram wakes the thread
// waiting in epoll, and the sender pays for that wake-up in its sendto (a
// cross-CPU interrupt: on a 2-CPU VM, a relaying run's Send took 26-39 µs
// of its CPU with the receiver waiting, 14-15 µs without). Here the socket
// leaves the poller while runs come close together (Receiver.serve).
type datagramSocket struct {
	file   *os.File // owns the socket; made from a blocking descriptor, so not in the poller
	mu     sync.Mutex
	polled *net.UnixConn // the poller's duplicate of file, while idle
	woken  bool
	oob    []byte // the sender's credentials, read with each datagram
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
	s := &datagramSocket{file: os.NewFile(uintptr(fd), path), oob: make([]byte, credentialsSize)}
	fail := func(err error) (*datagramSocket, error) {
		s.close()
		return nil, err
	}
	if err := syscall.Fchmod(fd, 0o600); err != nil {
		return fail(os.NewSyscallError("fchmod", err))
	}
	if err := passCredentials(fd); err != nil {
		return fail(err)
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

func (s *datagramSocket) fd() int { return int(s.file.Fd()) }

// setReadBuffer asks for a receive buffer of n bytes; the system may cap it.
func (s *datagramSocket) setReadBuffer(n int) {
	_ = syscall.SetsockoptInt(s.fd(), syscall.SOL_SOCKET, syscall.SO_RCVBUF, n)
}

// waitIdle returns when a datagram is queued or wake has been called. The
// socket stays in the poller until leavePoller.
func (s *datagramSocket) waitIdle() error {
	s.mu.Lock()
	if s.woken {
		s.mu.Unlock()
		return nil
	}
	if s.polled == nil {
		c, err := net.FilePacketConn(s.file) // a duplicate, in the poller until closed
		if err != nil {
			s.mu.Unlock()
			return err
		}
		s.polled = c.(*net.UnixConn)
	}
	c := s.polled
	s.mu.Unlock()
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var peek [1]byte
	var recvErr error
	err = rc.Read(func(fd uintptr) bool {
		_, _, recvErr = syscall.Recvfrom(int(fd), peek[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		return recvErr != syscall.EAGAIN
	})
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil // woken
	}
	if err == nil && recvErr != nil && recvErr != syscall.EINTR {
		err = os.NewSyscallError("recvfrom", recvErr)
	}
	return err
}

// leavePoller takes the socket out of the poller, so that datagrams wake
// nobody until the next waitIdle.
func (s *datagramSocket) leavePoller() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.polled != nil {
		s.polled.Close()
		s.polled = nil
	}
}

// read reads one queued datagram into buf without waiting, with its
// sender's process id where the kernel gives it (else 0); ok is false when
// none is queued. A datagram longer than buf is cut to its length.
func (s *datagramSocket) read(buf []byte) (n, pid int, ok bool, err error) {
	for {
		n, pid, err = receive(s.fd(), buf, s.oob)
		switch err {
		case nil:
			return n, pid, true, nil
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return 0, 0, false, nil
		default:
			return 0, 0, false, os.NewSyscallError("recvmsg", err)
		}
	}
}

// wake ends waitIdle's wait, and makes every later one return at once.
func (s *datagramSocket) wake() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.woken = true
	if s.polled != nil {
		s.polled.SetReadDeadline(time.Now())
	}
}

func (s *datagramSocket) close() {
	s.leavePoller()
	s.file.Close()
}
