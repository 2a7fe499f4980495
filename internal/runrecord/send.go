package runrecord

import (
	"fmt"
	"path/filepath"
	"time"
)

// SendWait bounds how long Send waits for room in the relay socket's queue
// before it gives up, and the run exports its spans itself. A busy agent
// drains its queue within milliseconds; one whose exports are stuck (its
// Collector down) stops reading once its export queue is full, and then
// every run waits this long.
const SendWait = 25 * time.Millisecond

// MaxSend is the largest record Send hands over. A Unix datagram must fit
// the sending socket's buffer: 208 KiB by default on Linux
// (net.core.wmem_default), which an unprivileged process cannot raise past
// net.core.wmem_max, often the same. A ten-template run's record takes
// 1.5 to 2 KiB; a run of thousands of templates may not fit, and exports
// itself.
const MaxSend = 192 << 10

// maxPath is the longest relay socket path: a Unix socket address holds
// 108 bytes on Linux and 104 on macOS, terminating zero included.
const maxPath = 103

// CheckPath says what is wrong with path as a relay socket's, for both
// ends: it must be absolute, since the runs that send to it start anywhere,
// and short enough for a socket address.
func CheckPath(path string) error {
	if !filepath.IsAbs(path) || len(path) > maxPath {
		return fmt.Errorf("want an absolute path of at most %d bytes (the runs that send to it may start anywhere)", maxPath)
	}
	return nil
}

// Send hands record to the relay socket at path in one datagram, waiting
// at most SendWait for room in its queue. A datagram is queued whole or
// not at all, so when Send fails the agent has nothing of the run.
func Send(path string, record []byte) error {
	if len(record) > MaxSend {
		return fmt.Errorf("a record of %d bytes is larger than a relay datagram (%d)", len(record), MaxSend)
	}
	return sendDatagram(path, record)
}
