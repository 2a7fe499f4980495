//go:build unix

package otlplite

import (
	"os"
	"runtime"
	"syscall"
)

// sendDatagram sends msg to the Unix datagram socket at path, waiting at
// most RelayWait for room in its queue. Plain system calls rather than the
// net package: a CLI run sends one datagram, and net would register the
// socket with the runtime's poller (an epoll instance and two more system
// calls) for nothing.
func sendDatagram(path string, msg []byte) error {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		return os.NewSyscallError("socket", err)
	}
	syscall.CloseOnExec(fd)
	defer syscall.Close(fd)
	tv := syscall.NsecToTimeval(RelayWait.Nanoseconds())
	if err := syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_SNDTIMEO, &tv); err != nil {
		return os.NewSyscallError("setsockopt", err)
	}
	if runtime.GOOS != "linux" {
		// Room for the whole datagram (macOS's default is 2 KiB; Linux's,
		// 208 KiB, already holds maxRelayDatagram). The system caps it
		// at its maximum, and sendto then says the datagram is too large.
		_ = syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_SNDBUF, len(msg)+4096)
	}
	for {
		err = syscall.Sendto(fd, msg, 0, &syscall.SockaddrUnix{Name: path})
		if err != syscall.EINTR {
			return os.NewSyscallError("sendto", err)
		}
	}
}
