//go:build !unix

package otlplite

import "errors"

// sendDatagram always fails: the relay is a Unix datagram socket, which
// this system does not have, so every request is exported directly.
func sendDatagram(path string, msg []byte) error {
	return errors.ErrUnsupported
}
