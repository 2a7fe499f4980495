//go:build unix

package cli

import (
	"fmt"
	"os"
	"syscall"
)

// execve replaces the process image: no parent stays behind to forward
// signals (SIGTERM to an agent in a container reaches the agent itself).
func execve(bin string, args []string) error {
	err := syscall.Exec(bin, append([]string{bin}, args...), os.Environ())
	return fmt.Errorf("starting %s: %w", bin, err)
}
