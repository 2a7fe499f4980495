package spanrelay

import (
	"os"
	"syscall"
)

// passCredentials has the kernel attach each sender's credentials to its
// datagram, so a relayed record need not carry its process id
// (runrecord.KernelNamesSender): the sender makes no system call for it.
func passCredentials(fd int) error {
	return os.NewSyscallError("setsockopt", syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_PASSCRED, 1))
}

// credentialsSize is room for the credentials of one datagram.
var credentialsSize = syscall.CmsgSpace(syscall.SizeofUcred)

// receive reads one queued datagram into buf without waiting, with the id
// of the process that sent it: 0 when the kernel gives none, as for a
// sender in a process namespace the agent cannot see.
func receive(fd int, buf, oob []byte) (n, pid int, err error) {
	n, oobn, _, _, err := syscall.Recvmsg(fd, buf, oob, syscall.MSG_DONTWAIT)
	if err != nil {
		return 0, 0, err
	}
	msgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	if err != nil {
		return n, 0, nil
	}
	for i := range msgs {
		if cred, err := syscall.ParseUnixCredentials(&msgs[i]); err == nil {
			return n, int(cred.Pid), nil
		}
	}
	return n, 0, nil
}
