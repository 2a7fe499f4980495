// Package ownsocket checks that a Unix socket belongs to this process's
// user before a run hands it anything: a socket another user bound at the
// path first (in a shared folder such as /tmp) would receive a run's
// record (the relay, internal/runrecord) or the agent's token (a
// generation delegated to HYPERGEN_AGENT_URL=unix:/path).
package ownsocket

import "fmt"

// ForeignError is a socket that another user owns.
type ForeignError struct {
	Path        string
	Owner, User uint32 // the socket's user and this process's
}

func (e *ForeignError) Error() string {
	return fmt.Sprintf("the socket %s belongs to user %d, not to this user (%d)", e.Path, e.Owner, e.User)
}
