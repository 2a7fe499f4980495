//go:build unix

package procgroup

import (
	"errors"
	"os"
	"syscall"
)

// isolate makes the command the leader of a group of its own, unless it
// shares the terminal.
func (c *Cmd) isolate() {
	if c.SysProcAttr == nil {
		c.SysProcAttr = &syscall.SysProcAttr{}
	}
	c.SysProcAttr.Setpgid = !c.foreground
}

// terminate sends SIGTERM to the command's group, or to the command alone
// when it shares the terminal, as Node's timeout sends it.
func (c *Cmd) terminate() error {
	err := syscall.Kill(c.target(), syscall.SIGTERM)
	if errors.Is(err, syscall.ESRCH) {
		return os.ErrProcessDone
	}
	return err
}

// killLeft kills whatever is left of the command's group. The group's id
// is the leader's pid, which Wait has released, but a process that took
// that pid since belongs to another group unless it made one of its own
// in the meantime.
func (c *Cmd) killLeft() {
	if !c.foreground {
		_ = syscall.Kill(c.target(), syscall.SIGKILL)
	}
}

func (c *Cmd) target() int {
	if c.foreground {
		return c.Process.Pid
	}
	return -c.Process.Pid
}
