//go:build !unix

package otlplite

// stillOpen cannot peek at the socket here: it handles the frames already
// read (a GOAWAY among them), and an export on a connection the server
// closed without one fails, as with no check at all.
func (c *h2conn) stillOpen() bool { return c.openByWhatWasRead() }
