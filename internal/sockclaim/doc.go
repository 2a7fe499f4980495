// Package sockclaim claims a Unix socket's path for a listener: it holds a
// lock file beside the path while the listener lives, removes a socket a
// killed listener left there, and refuses a path that anything else holds
// (a live listener, a file that is not a socket). The relay socket and the
// generation API's unix: address both claim theirs here, so an agent that
// was killed starts again, and two started at once never both listen.
package sockclaim
