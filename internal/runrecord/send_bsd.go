//go:build unix && !linux

package runrecord

import "syscall"

// KernelNamesSender: here the agent does not learn a sender's process id,
// so each record carries process.pid.
const KernelNamesSender = false

func newSocket() (int, error) {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err == nil {
		syscall.CloseOnExec(fd)
	}
	return fd, err
}
