//go:build unix

package runrecord

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"syscall"

	"github.com/hypergen-dev/hypergen/internal/ownsocket"
)

// sendDatagram sends msg to the Unix datagram socket at path. Plain system
// calls rather than the net package: a CLI run sends one datagram, and net
// would register the socket with the runtime's poller (an epoll instance
// and two more system calls) for nothing. The first attempt does not wait;
// only when the queue is full does the socket get a send timeout (SendWait)
// and a second, waiting attempt.
func sendDatagram(path string, msg []byte) error {
	if err := ownsocket.Check(path); err != nil {
		if foreign := (*ownsocket.ForeignError)(nil); errors.As(err, &foreign) {
			return fmt.Errorf("%w: its records go only to an agent of one's own", err)
		}
		return err
	}
	fd, err := newSocket()
	if err != nil {
		return os.NewSyscallError("socket", err)
	}
	defer syscall.Close(fd)
	if runtime.GOOS != "linux" {
		// Room for the whole datagram (macOS's default is 2 KiB; Linux's,
		// 208 KiB, already holds MaxSend). The system caps it at its
		// maximum, and sendto then says the datagram is too large.
		_ = syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_SNDBUF, len(msg)+4096)
	}
	to := &syscall.SockaddrUnix{Name: path}
	err = sendto(fd, msg, syscall.MSG_DONTWAIT, to)
	if err != syscall.EAGAIN {
		return os.NewSyscallError("sendto", err)
	}
	tv := syscall.NsecToTimeval(SendWait.Nanoseconds())
	if err := syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_SNDTIMEO, &tv); err != nil {
		return os.NewSyscallError("setsockopt", err)
	}
	return os.NewSyscallError("sendto", sendto(fd, msg, 0, to))
}

func sendto(fd int, msg []byte, flags int, to syscall.Sockaddr) error {
	for {
		err := syscall.Sendto(fd, msg, flags, to)
		if err != syscall.EINTR {
			return err
		}
	}
}
