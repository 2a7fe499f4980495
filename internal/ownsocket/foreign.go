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
