package procgroup

import (
	"context"
	"errors"
	"os/exec"
	"time"
)

// Grace is how long a stopped command has, after SIGTERM, to exit and close
// the output it shares with the run, before the run stops waiting for it.
const Grace = 2 * time.Second

// Cmd is an exec.Cmd whose context's end stops its process group.
type Cmd struct {
	*exec.Cmd
	ctx        context.Context
	foreground bool
}

// Command is exec.CommandContext(ctx, name, args...) for a command to be
// stopped with what it starts when ctx ends.
func Command(ctx context.Context, name string, args ...string) *Cmd {
	c := &Cmd{Cmd: exec.CommandContext(ctx, name, args...), ctx: ctx}
	c.Cancel = c.terminate
	c.WaitDelay = Grace
	c.isolate()
	return c
}

// ForegroundTerminal keeps the command in hypergen's process group, for a
// command given hypergen's terminal (Node's stdio: 'inherit'). Call it
// before the command starts.
func (c *Cmd) ForegroundTerminal() {
	c.foreground = true
	c.isolate()
}

// Run starts the command and waits for it. When the context ended first,
// what is left of the command's group is killed before Run returns. A
// command that exited successfully while something it started kept its
// output open is a success: the run stops waiting Grace after the exit
// rather than for as long as that process lives.
func (c *Cmd) Run() error {
	err := c.Cmd.Run()
	if c.ctx.Err() != nil && c.Process != nil {
		c.killLeft()
	}
	if errors.Is(err, exec.ErrWaitDelay) && c.ctx.Err() == nil {
		return nil
	}
	return err
}
