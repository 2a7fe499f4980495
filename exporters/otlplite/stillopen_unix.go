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
	if !ok { // not a socket: only what was read can tell
		return c.openByWhatWasRead()
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	skip := 0
	b := make([]byte, c.r.Size()) // a look needs no more than the read buffer holds
	// Until nothing more has been received; a server that has sent an
	// idle client a mebibyte of frames is not one to keep.
	for read := 0; read < 1<<20; {
		if c.handleReceived(&skip) || c.goAway != nil {
			return false
		}
		var avail int
		var peekErr error
		if err := rc.Read(func(fd uintptr) bool {
			avail, _, peekErr = syscall.Recvfrom(int(fd), b, syscall.MSG_PEEK)
			return true // one look, no waiting
		}); err != nil {
			return false
		}
		switch {
		case errors.Is(peekErr, syscall.EAGAIN):
			// Nothing more: open, unless the rest of a frame being
			// skipped is still on its way, whose bytes a read would
			// take for a frame.
			return skip == 0
		case peekErr != nil, avail == 0: // reset, or the end of the stream
			return false
		}
		// Received but not read yet: read it now (it is there, so this
		// does not wait) and handle it in the next round.
		k := min(avail, c.r.Size()-c.r.Buffered())
		if _, err := c.r.Peek(c.r.Buffered() + k); err != nil {
			return false
		}
		read += k
	}
	return false
}
