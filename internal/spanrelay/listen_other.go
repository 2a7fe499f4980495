//go:build !unix

package spanrelay

import "errors"

var errNoDatagrams = errors.New("this system has no Unix datagram sockets")

var errEmpty = errors.New("no datagram queued")

// socket has no implementation here: listen always fails.
type socket struct{}

func listen(string) (*socket, error)     { return nil, errNoDatagrams }
func (*socket) recv([]byte) (int, error) { return 0, errEmpty }
func (*socket) wait() (bool, error)      { return true, nil }
func (*socket) stop()                    {}
func (*socket) close() error             { return nil }
