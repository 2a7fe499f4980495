//go:build unix

package otlplite

import (
	"errors"
	"syscall"
)

// stillOpen reports whether the server still keeps the idle connection:
// it has neither closed it (end of stream, reset) nor announced that it
// will (GOAWAY). Frames that arrived meanwhile (the acknowledgement of our
// SETTINGS, WINDOW_UPDATE, PING) are handled as a read would, without
// waiting for any: the socket is only peeked at (it is non-blocking, as Go
// makes every socket), and only bytes already received are read.
func (c *h2conn) stillOpen() bool {
	sc, ok := c.nc.(syscall.Conn)
	if !ok {
		return c.goAway == nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	// A few rounds: frames can hide an end of stream behind them.
	for range 4 {
		if err := c.handleReceived(); err != nil || c.goAway != nil {
			return false
		}
		var avail int
		var peekErr error
		var b [4096]byte // as much as the read buffer holds
		if err := rc.Read(func(fd uintptr) bool {
			avail, _, peekErr = syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK)
			return true // one look, no waiting
		}); err != nil {
			return false
		}
		switch {
		case errors.Is(peekErr, syscall.EAGAIN):
			return true // nothing more: open
		case peekErr != nil, avail == 0: // reset, or the end of the stream
			return false
		}
		// Received but not read yet: read it now (it is there, so this
		// does not wait) and handle it in the next round.
		if _, err := c.r.Peek(min(c.r.Buffered()+avail, c.r.Size())); err != nil {
			return false
		}
	}
	return c.goAway == nil
}
