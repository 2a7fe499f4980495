//go:build unix

package regularfile

import "syscall"

// NonBlock makes opening a named pipe return at once. On a regular file it
// changes nothing: reads and writes of regular files never block on Unix.
const NonBlock = syscall.O_NONBLOCK
