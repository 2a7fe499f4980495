//go:build !unix

package otlplite

// stillOpen cannot look at the socket without blocking here: the warm
// connection is used as it is, and an export on a connection the server
// closed fails, as with no check at all.
func (c *h2conn) stillOpen() bool { return c.goAway == nil && c.r.Buffered() == 0 }
