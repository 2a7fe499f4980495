package main

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

//go:embed oracle.js
var oracleJS []byte

// oracle is one long-lived node process running hygen's runner per request
// (oracle.js), so a tree does not pay node's start-up. It is not safe for
// concurrent use: each worker has its own.
type oracle struct {
	script, hygenDir string
	timeout          time.Duration
	fallbacks        int // trees the command line ran instead
	cmd              *exec.Cmd
	in               io.WriteCloser
	out              *bufio.Reader
}

// reply is oracle.js's answer to one tree.
type reply struct {
	Exit     int    `json:"exit"`
	Output   string `json:"output"`
	Fallback string `json:"fallback"` // why the command line must run this tree instead
}

// newOracle prepares an oracle for the hygen whose bin is hygenBin (its
// node_modules/.bin link or dist/bin.js); script is where oracle.js is put.
func newOracle(hygenBin, script string, timeout time.Duration) (*oracle, error) {
	real, err := filepath.EvalSymlinks(hygenBin)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(script, oracleJS, 0o644); err != nil {
		return nil, err
	}
	return &oracle{script: script, hygenDir: filepath.Dir(filepath.Dir(real)), timeout: timeout}, nil
}

func (o *oracle) start() error {
	o.cmd = exec.Command("node", o.script, o.hygenDir)
	o.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "NO_COLOR=1", "FORCE_COLOR=0"}
	o.cmd.Stderr = io.Discard
	var err error
	if o.in, err = o.cmd.StdinPipe(); err != nil {
		return err
	}
	stdout, err := o.cmd.StdoutPipe()
	if err != nil {
		return err
	}
	o.out = bufio.NewReader(stdout)
	return o.cmd.Start()
}

// stop ends the node process.
func (o *oracle) stop() {
	if o.cmd != nil {
		_ = o.in.Close()
		_ = o.cmd.Process.Kill()
		_ = o.cmd.Wait()
		o.cmd = nil
	}
}

// run runs hygen on the project in cwd. An error (a timeout, a crashed
// process) stops the process; the next run starts a fresh one.
func (o *oracle) run(cwd string, args []string, env map[string]string) (reply, error) {
	if o.cmd == nil {
		if err := o.start(); err != nil {
			return reply{}, err
		}
	}
	req, _ := json.Marshal(map[string]any{"cwd": cwd, "args": args, "env": env})
	type result struct {
		r   reply
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r reply
		if _, err := o.in.Write(append(req, '\n')); err != nil {
			done <- result{err: err}
			return
		}
		line, err := o.out.ReadBytes('\n')
		if err == nil {
			err = json.Unmarshal(line, &r)
		}
		done <- result{r, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			o.stop()
		}
		return res.r, res.err
	case <-time.After(o.timeout):
		o.stop()
		<-done
		return reply{}, errors.New("the hygen oracle timed out")
	}
}

// describe is for messages.
func (r reply) describe() string { return fmt.Sprintf("exit %d, fallback %q", r.Exit, r.Fallback) }
