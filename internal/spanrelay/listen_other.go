//go:build !unix

package spanrelay

import (
	"errors"
	"net"
)

var errNoDatagrams = errors.New("this system has no Unix datagram sockets")

func listen(string) (*net.UnixConn, error) { return nil, errNoDatagrams }
