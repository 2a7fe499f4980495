package runrecord

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// KernelNamesSender is true where the relay socket learns each sender's
// process id from the kernel (SO_PASSCRED on Linux), so a record need not
// carry process.pid: the agent adds it (internal/spanrelay), and the run
// saves a getpid(2), a few microseconds on a VM where system calls are dear.
const KernelNamesSender = true

// newSocket makes the sending socket close-on-exec in the same system call.
func newSocket() (int, error) {
	return syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
}

// effectiveUID is the user the process runs as, read from the auxiliary
// vector the kernel gave it at exec (AT_EUID) rather than by geteuid(2):
// a run sends one datagram, and each system call it spares is about 0.1 %
// of a generation on a VM (docs/metrics.md, "Overhead"). hypergen never
// changes its user, so the two agree.
func effectiveUID() uint32 {
	const atEUID = 12 // <elf.h>
	if aux, err := unix.Auxv(); err == nil {
		for _, kv := range aux {
			if kv[0] == atEUID {
				return uint32(kv[1])
			}
		}
	}
	return uint32(os.Geteuid())
}
