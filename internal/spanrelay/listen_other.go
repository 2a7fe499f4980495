//go:build !unix

package spanrelay

import (
	"errors"
	"net"
)

var errNoDatagrams = errors.New("this system has no Unix datagram sockets")

func lockPath(string) (func(), error)      { return nil, errNoDatagrams }
func listen(string) (*net.UnixConn, error) { return nil, errNoDatagrams }
