package runrecord

import "syscall"

// KernelNamesSender is true where the relay socket learns each sender's
// process id from the kernel (SO_PASSCRED on Linux), so a record need not
// carry process.pid: the agent adds it (internal/spanrelay), and the run
// saves a getpid(2), a few microseconds on a VM where system calls are dear.
const KernelNamesSender = true

// newSocket makes the sending socket close-on-exec in the same system call.
func newSocket() (int, error) {
	return syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
}
