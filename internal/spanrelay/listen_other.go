//go:build !unix

package spanrelay

import (
	"errors"
	"net"
	"os"
)

var errNoDatagrams = errors.New("this system has no Unix datagram sockets")

func listen(string) (*net.UnixConn, error) { return nil, errNoDatagrams }

// openNoFollow: the relay needs Unix datagram sockets, which this system
// lacks, so its lock file is never opened.
const openNoFollow = 0

func ownLockFile(*os.File) error { return nil }
