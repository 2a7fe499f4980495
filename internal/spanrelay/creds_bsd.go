//go:build unix && !linux

package spanrelay

import "syscall"

// passCredentials does nothing: here senders name their own process
// (runrecord.KernelNamesSender).
func passCredentials(int) error { return nil }

const credentialsSize = 0

// receive reads one queued datagram into buf without waiting; the sender's
// process id is in its record.
func receive(fd int, buf, _ []byte) (n, pid int, err error) {
	n, _, err = syscall.Recvfrom(fd, buf, syscall.MSG_DONTWAIT)
	return n, 0, err
}
