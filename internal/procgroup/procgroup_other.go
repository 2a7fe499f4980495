//go:build !unix

package procgroup

// isolate does nothing: only Unix has process groups to signal.
func (c *Cmd) isolate() {}

// terminate kills the command: other systems have no SIGTERM to send.
func (c *Cmd) terminate() error { return c.Process.Kill() }

// killLeft has nothing to kill: the command alone was started.
func (c *Cmd) killLeft() {}
