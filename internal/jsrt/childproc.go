package jsrt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os/exec"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/hypergen-dev/hypergen/internal/capped"
	"github.com/hypergen-dev/hypergen/internal/procgroup"
)

// The failures Node reports as a spawn error with a code: a child stopped
// by its timeout option, one whose output passed maxBuffer (both are sent
// SIGTERM), and a program that does not exist.
var (
	errTimedOut = &spawnError{code: "ETIMEDOUT", errno: -110}
	errNoBufs   = &spawnError{code: "ENOBUFS", errno: -105}
	errNoEnt    = &spawnError{code: "ENOENT", errno: -2}
	errNoAccess = &spawnError{code: "EACCES", errno: -13}
)

type spawnError struct {
	code  string
	errno int
}

func (e *spawnError) Error() string { return e.code }

// failure is Node's error for a child that failed to spawn or was stopped:
// it names the program and, as spawnargs, the arguments after it.
func (vm *VM) failure(argv []string, e *spawnError) *goja.Object {
	file := argv[0]
	o := vm.nodeError("Error", e.code, "spawnSync "+file+" "+e.code)
	_ = o.Set("errno", e.errno)
	_ = o.Set("syscall", "spawnSync "+file)
	_ = o.Set("path", file)
	_ = o.Set("spawnargs", vm.rt.ToValue(argv[1:]))
	return o
}

// defaultMaxBuffer is Node's maxBuffer for the synchronous calls: output
// beyond it, stdout and stderr together, stops the child with ENOBUFS.
const defaultMaxBuffer = 1024 * 1024

// maxBufferOption reads the maxBuffer option as Node does: absent, 1 MiB;
// undefined, null, 0 or Infinity, no limit; anything else but a number of
// at least 0 is a RangeError.
func (vm *VM) maxBufferOption(o *goja.Object) int {
	v := o.Get("maxBuffer")
	if v == nil {
		return defaultMaxBuffer
	}
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return math.MaxInt
	}
	f := math.NaN() // anything but a number is refused as NaN is
	switch x := v.Export().(type) {
	case float64:
		f = x
	case int64:
		f = float64(x)
	}
	if math.IsNaN(f) || f < 0 {
		received := printable(v)
		if _, ok := v.Export().(string); ok {
			received = "'" + received + "'" // as util.inspect shows a string
		}
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE",
			`The value of "options.maxBuffer" is out of range. It must be a positive number. Received `+received))
	}
	if f == 0 || f >= math.MaxInt32 {
		return math.MaxInt
	}
	return int(f)
}

// stdioOption reads the stdio option: "pipe", "inherit" or "ignore" for
// stdin, stdout and stderr, from one string or an array; given reports
// whether it was set at all.
func stdioOption(o *goja.Object) (modes [3]string, given bool) {
	modes = [3]string{"pipe", "pipe", "pipe"}
	v := o.Get("stdio")
	if v == nil || goja.IsUndefined(v) {
		return modes, false
	}
	if arr, ok := v.Export().([]any); ok {
		for i := range min(len(arr), 3) {
			switch x := arr[i].(type) {
			case string:
				modes[i] = x
			case int64, float64:
				// The parent's descriptor 0, 1 or 2 (process.stdout, …):
				// what inherit gives.
				modes[i] = "inherit"
			}
		}
		return modes, true
	}
	s := v.String()
	return [3]string{s, s, s}, true
}

// ErrChildProcessDenied is wrapped by child_process calls of a run whose
// caller refuses commands (see RunOptions.DenyChildProcess).
var ErrChildProcessDenied = errors.New("not allowed here")

// childProcessModule is the synchronous half of Node's child_process:
// execSync, execFileSync and spawnSync run a command to completion, as sh:
// frontmatter does. The asynchronous forms need an event loop hypergen does
// not run.
func (vm *VM) childProcessModule(module *goja.Object) {
	rt := vm.rt
	o := module.Get("exports").ToObject(rt)
	_ = o.Set("execSync", func(call goja.FunctionCall) goja.Value {
		cmd := call.Argument(0).String()
		argv := []string{cmd} // shell: '' runs the command line as a program's name, as in Node
		if sh := vm.shellOption(call.Argument(1), true); sh != "" {
			argv = []string{sh, "-c", cmd}
		}
		return vm.runSync("execSync", argv, cmd, call.Argument(1), true)
	})
	_ = o.Set("execFileSync", func(call goja.FunctionCall) goja.Value {
		argv, opts := vm.fileArgs(call)
		display := strings.Join(argv, " ")
		if sh := vm.shellOption(opts, false); sh != "" {
			argv = []string{sh, "-c", display}
		}
		return vm.runSync("execFileSync", argv, display, opts, true)
	})
	_ = o.Set("spawnSync", func(call goja.FunctionCall) goja.Value {
		argv, opts := vm.fileArgs(call)
		if sh := vm.shellOption(opts, false); sh != "" {
			argv = []string{sh, "-c", strings.Join(argv, " ")}
		}
		return vm.runSync("spawnSync", argv, strings.Join(argv, " "), opts, false)
	})
	_ = o.Set("ChildProcess", vm.build(program("childprocess.js"), vm.builtin("events", vm.fileModule("events.js"))))
	for _, name := range []string{"exec", "execFile", "spawn", "fork"} {
		_ = o.Set(name, func(goja.FunctionCall) goja.Value {
			panic(rt.NewGoError(fmt.Errorf("child_process.%s is %w: nothing in hypergen waits for an asynchronous process's events; use %sSync", name, ErrUnsupportedRequire, strings.TrimSuffix(name, "File"))))
		})
	}
}

// shellOption is the shell that a call's shell option names: the string
// given, /bin/sh for true (always, for execSync, unless the string given is
// empty), or "" for none.
func (vm *VM) shellOption(opts goja.Value, always bool) string {
	if o, ok := opts.(*goja.Object); ok {
		if v := o.Get("shell"); v != nil {
			switch v.Export().(type) {
			case nil, bool, string:
			default:
				if !always { // execSync takes anything, as true
					panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "options.shell" property must be one of type boolean or string. Received `+received(v)))
				}
			}
			if s, ok := v.Export().(string); ok {
				return s
			}
			if truthy(v) {
				return "/bin/sh"
			}
		}
	}
	if always {
		return "/bin/sh"
	}
	return ""
}

// fileArgs reads (file, [args], [options]) as execFileSync and spawnSync
// take them.
func (vm *VM) fileArgs(call goja.FunctionCall) ([]string, goja.Value) {
	argv := []string{call.Argument(0).String()}
	opts := call.Argument(1)
	if arr, ok := opts.(*goja.Object); ok && arr.ClassName() == "Array" {
		for _, a := range arr.Export().([]any) {
			argv = append(argv, fmt.Sprint(a))
		}
		opts = call.Argument(2)
	}
	return argv, opts
}

// runSync runs argv to completion. throwing is execSync's behaviour (return
// stdout, throw on failure); otherwise spawnSync's result object.
func (vm *VM) runSync(fn string, argv []string, display string, opts goja.Value, throwing bool) goja.Value {
	rt := vm.rt
	if vm.setup.Run.DenyChildProcess {
		panic(rt.NewGoError(fmt.Errorf("child_process.%s(%q) is %w: this run may start no commands, from hooks as from sh: frontmatter "+
			"(a generation request to an agent started without --allow-shell, or a library caller's generator.Config.DenyShell)", fn, display, ErrChildProcessDenied)))
	}
	ctx := vm.call
	if ctx == nil {
		ctx = vm.ctx
	}
	var timeout time.Duration
	maxBuffer := defaultMaxBuffer
	var stdio [3]string
	stdioGiven := false
	if o, ok := opts.(*goja.Object); ok {
		if ms := o.Get("timeout"); ms != nil && ms.ToFloat() > 0 {
			timeout = time.Duration(ms.ToFloat() * float64(time.Millisecond))
		}
		maxBuffer = vm.maxBufferOption(o)
		stdio, stdioGiven = stdioOption(o)
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	ctx, stopForBuffer := context.WithCancel(ctx)
	defer stopForBuffer()
	// Stopped with SIGTERM, as Node's timeout does, when the time limit,
	// the run's end or the timeout option comes first, with what it
	// started (package procgroup).
	cmd := procgroup.Command(ctx, argv[0], argv[1:]...)
	cmd.Dir = vm.setup.Cwd
	cmd.Env = vm.childEnv(nil)
	budget := capped.NewBudget(maxBuffer, stopForBuffer)
	stdout, stderr := budget.Buffer(), budget.Buffer()
	cmd.Stdout, cmd.Stderr = stdout, stderr
	var enc goja.Value = goja.Undefined()
	if o, ok := opts.(*goja.Object); ok {
		if v := o.Get("cwd"); v != nil && !goja.IsUndefined(v) {
			cmd.Dir = vm.resolve(v.String())
		}
		if v, ok := o.Get("env").(*goja.Object); ok {
			cmd.Env = vm.childEnv(v)
		}
		if v := o.Get("input"); v != nil && !goja.IsUndefined(v) {
			cmd.Stdin = bytes.NewReader(buffer.DecodeBytes(rt, v, goja.Undefined()))
		}
		if v := o.Get("encoding"); v != nil && !goja.IsUndefined(v) && v.String() != "buffer" {
			enc = v
		}
	}
	switch {
	case stdio == [3]string{"inherit", "inherit", "inherit"}:
		cmd.Stdout, cmd.Stderr = vm.stdout, vm.stderr
		cmd.ForegroundTerminal()
	case stdioGiven:
		for i, w := range []*io.Writer{&cmd.Stdout, &cmd.Stderr} {
			switch stdio[i+1] {
			case "inherit":
				*w = []io.Writer{vm.stdout, vm.stderr}[i]
			case "ignore":
				*w = io.Discard
			}
		}
	case throwing:
		// execSync's default stdio passes the child's stderr through.
		cmd.Stderr = io.MultiWriter(stderr, vm.stderr)
	}
	err := cmd.Run()
	if vm.call != nil && vm.call.Err() != nil {
		// Interrupted: the runtime raises the interrupt, which names the
		// time limit or the signal, at its next instruction.
		return goja.Undefined()
	}
	switch {
	case timeout > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded):
		err = errTimedOut // Node's spawnSync error; its status is null
	case budget.Hit():
		err = errNoBufs
	case errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist):
		err = errNoEnt
	case errors.Is(err, fs.ErrPermission):
		err = errNoAccess
	}
	pid := rt.ToValue(0) // as Node reports a child that never started
	if cmd.Process != nil {
		pid = rt.ToValue(cmd.Process.Pid)
	}
	var se *spawnError
	spawnFailed := errors.As(err, &se)
	// As the child ended: its exit status, or the signal that ended it
	// (a stop for maxBuffer or the timeout may come after it exited).
	status, signal := goja.Null(), goja.Null()
	if ps := cmd.ProcessState; ps != nil {
		if name := exitSignal(ps); name != "" {
			signal = rt.ToValue(name)
		} else {
			status = rt.ToValue(ps.ExitCode())
		}
	}
	var exitErr *exec.ExitError
	errors.As(err, &exitErr)
	out := buffer.EncodeBytes(rt, stdout.Bytes(), enc)
	errOut := buffer.EncodeBytes(rt, stderr.Bytes(), enc)
	// What was not piped (inherited or ignored) is null, as in Node.
	if stdio[1] == "inherit" || stdio[1] == "ignore" {
		out = goja.Null()
	}
	if stdio[2] == "inherit" || stdio[2] == "ignore" {
		errOut = goja.Null()
	}
	output := rt.NewArray(goja.Null(), out, errOut)
	if cmd.Process == nil {
		out, errOut, output = goja.Null(), goja.Null(), nil // nothing ran
	}
	if throwing {
		if err == nil {
			return out
		}
		var e *goja.Object
		if spawnFailed {
			e = vm.failure(argv, se)
		} else {
			msg := "Command failed: " + display
			if stderr.Len() > 0 {
				msg += "\n" + stderr.String()
			}
			e, _ = rt.New(rt.Get("Error"), rt.ToValue(msg))
		}
		_ = e.Set("status", status)
		_ = e.Set("signal", signal)
		_ = e.Set("pid", pid)
		_ = e.Set("stdout", out)
		_ = e.Set("stderr", errOut)
		if output != nil {
			_ = e.Set("output", output)
		} else {
			_ = e.Set("output", goja.Null())
		}
		panic(e)
	}
	res := rt.NewObject()
	_ = res.Set("pid", pid)
	_ = res.Set("status", status)
	_ = res.Set("signal", signal)
	_ = res.Set("stdout", out)
	_ = res.Set("stderr", errOut)
	if output != nil {
		_ = res.Set("output", output)
	} else {
		_ = res.Set("output", goja.Null())
	}
	switch {
	case spawnFailed:
		_ = res.Set("error", vm.failure(argv, se))
	case err != nil && exitErr == nil:
		_ = res.Set("error", rt.NewGoError(err))
	}
	return res
}

// childEnv is the child's environment: the options' env, else the hook's
// process.env (which the hook may have changed), as Node passes it.
func (vm *VM) childEnv(env *goja.Object) []string {
	if env == nil {
		env = vm.processObject().Get("env").ToObject(vm.rt)
	}
	var out []string
	for _, k := range env.Keys() {
		out = append(out, k+"="+env.Get(k).String())
	}
	return out
}
