//go:build !unix

package spanrelay

import (
	"errors"
)

var errNoDatagrams = errors.New("this system has no Unix datagram sockets")

// datagramSocket is never made here: listen refuses.
type datagramSocket struct{}

func listen(string) (*datagramSocket, error) { return nil, errNoDatagrams }

func (*datagramSocket) setReadBuffer(int) {}

func (*datagramSocket) waitIdle() error { return errNoDatagrams }
func (*datagramSocket) leavePoller()    {}

func (*datagramSocket) read([]byte) (int, int, bool, error) { return 0, 0, false, errNoDatagrams }
func (*datagramSocket) wake()                               {}
func (*datagramSocket) close()                              {}
