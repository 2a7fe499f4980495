//go:build unix

package otlplite

import (
	"errors"
	"syscall"
)

// stillOpen reports whether the connection looks usable: nothing buffered
// and, peeking at the socket without blocking (it is non-blocking, as Go
// makes every socket), nothing received either, neither data nor the end
// of the stream. An idle HTTP/2 connection to an OTLP server receives
// nothing unless the server is closing it (GOAWAY) or probing it (PING);
// both are reason enough to open a new one rather than reason about it.
func (c *h2conn) stillOpen() bool {
	if c.goAway != nil || c.r.Buffered() > 0 {
		return false
	}
	sc, ok := c.nc.(syscall.Conn)
	if !ok {
		return true
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	open := false
	var b [1]byte
	err = rc.Read(func(fd uintptr) bool {
		_, _, err := syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK)
		open = errors.Is(err, syscall.EAGAIN)
		return true // one look, no waiting
	})
	return err == nil && open
}
