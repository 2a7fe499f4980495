package ownsocket

import (
	"os"

	"golang.org/x/sys/unix"
)

// effectiveUID is the user the process runs as, read from the auxiliary
// vector the kernel gave it at exec (AT_EUID) rather than by geteuid(2):
// a relayed run checks one socket, and each system call it spares is about
// 0.1 % of a generation on a VM (docs/metrics.md, "Overhead"). hypergen
// never changes its user, so the two agree.
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
