//go:build !unix

package runrecord

import "errors"

// KernelNamesSender: with no relay here, every run replays its record
// itself and describes its own process.
const KernelNamesSender = false

// sendDatagram always fails: the relay is a Unix datagram socket, which
// this system does not have, so every run exports its spans itself.
func sendDatagram(path string, msg []byte) error {
	return errors.ErrUnsupported
}
