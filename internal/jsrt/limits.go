package jsrt

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
)

// DefaultTimeout bounds each template render, hook and .hygen.js evaluation
// when Limits.Timeout is not set: generous next to the milliseconds real
// templates take, short enough that a runaway loop is reported.
const DefaultTimeout = 30 * time.Second

// DefaultMaxCallStack is the call depth at which JavaScript gets a
// RangeError. Node's default stack allows roughly 11,000 frames of a simple
// recursive function; a bounded depth also bounds the memory runaway
// recursion takes.
const DefaultMaxCallStack = 10000

// Limits bound the JavaScript of a run.
type Limits struct {
	// Timeout is the wall-clock limit for each call into JavaScript (a
	// template render, a hook, a .hygen.js evaluation or helpers call).
	// Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxCallStack is the call depth limit; zero means DefaultMaxCallStack.
	MaxCallStack int
}

func (l Limits) timeout() time.Duration {
	if l.Timeout > 0 {
		return l.Timeout
	}
	return DefaultTimeout
}

func (l Limits) callStack() int {
	if l.MaxCallStack > 0 {
		return l.MaxCallStack
	}
	return DefaultMaxCallStack
}

// TimeoutError is JavaScript stopped because it ran past the time limit.
type TimeoutError struct{ Limit time.Duration }

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("stopped: ran longer than the JavaScript time limit of %s", e.Limit)
}

var regexpsBounded sync.Once

// BoundRegexps bounds each match of the regular expressions that
// JavaScript compiles from now on by limit, process-wide. goja runs a
// pattern that RE2 can express on Go's regexp, in linear time; one that
// needs backtracking (a lookaround or backreference) runs on regexp2, inside
// a single VM instruction, where neither the time limit's interrupt nor a
// cancellation can stop it until the match returns. regexp2 bounds a match
// only by its package-wide default timeout, read when a pattern is
// compiled, so the first call sets it for the process: generator.New calls
// it with its engine's JavaScript time limit (the CLI's, or the agent's
// generation engine, created before its probes). A
// match stopped this way counts as no match; the interrupt the limit has
// set by then ends the render with the time limit's error.
func BoundRegexps(limit time.Duration) {
	regexpsBounded.Do(func() { regexp2.DefaultMatchTimeout = limit })
}

// ErrCallStack is wrapped by errors of JavaScript that exceeded the call
// depth limit.
var ErrCallStack = errors.New("RangeError: Maximum call stack size exceeded")

// guard bounds one call into JavaScript: it interrupts the runtime when ctx
// is cancelled or the time limit passes. The returned function ends the
// guard and must be called when the call returns. Calls made while a guard
// is active (a hook's validate function called from its prompt) share the
// outer guard.
func (vm *VM) guard(ctx context.Context) (done func()) {
	if vm.guarded {
		return func() {}
	}
	vm.guarded = true
	call, cancelCall := context.WithCancel(ctx)
	vm.call = call
	var mu sync.Mutex
	finished := false
	interrupt := func(v any) {
		mu.Lock()
		defer mu.Unlock()
		if !finished {
			vm.rt.Interrupt(v)
			cancelCall()
		}
	}
	limits := vm.setup.Limits
	timer := time.AfterFunc(limits.timeout(), func() {
		interrupt(&TimeoutError{Limit: limits.timeout()})
	})
	stop := context.AfterFunc(ctx, func() { interrupt(context.Cause(ctx)) })
	return func() {
		mu.Lock()
		finished = true
		mu.Unlock()
		timer.Stop()
		stop()
		cancelCall()
		vm.call = nil
		// An interrupt that arrived as the call returned must not stop the
		// next one.
		vm.rt.ClearInterrupt()
		vm.guarded = false
	}
}

// limitError turns an interrupt or a stack overflow into its error, or
// returns nil for any other error.
func (vm *VM) limitError(err error) error {
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		if e, ok := intr.Value().(error); ok {
			return e
		}
		return fmt.Errorf("interrupted: %v", intr.Value())
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return fmt.Errorf("%w (the call depth limit is %d)%s", ErrCallStack, vm.setup.Limits.callStack(), stackTop(so))
	}
	return nil
}

// templateSrc names the programs of compiled templates, so that a limit
// error can tell a template's frames from a module's (named by their file).
const templateSrc = "template"

// stackTop names where the overflowing recursion was: the function, and
// for a module its file and line. A template's position is the template
// line the caller reports (see templateLine), not the generated code's.
func stackTop(so *goja.StackOverflowError) string {
	frames := so.Stack()
	if len(frames) == 0 {
		return ""
	}
	f := &frames[0]
	name := f.FuncName()
	if name == "" {
		name = "<anonymous>"
	}
	switch src := f.SrcName(); src {
	case templateSrc, "":
		return " in " + name + "()"
	default:
		return fmt.Sprintf(" in %s() at %s:%d", name, filepath.Base(src), f.Position().Line)
	}
}

// templateLine is the line of t where a limit stopped it: that of the
// innermost frame in t's program, mapped back from the generated code. The
// template's own line tracking cannot say, since a limit is not an
// exception its code can catch.
func templateLine(err error, t *Template) int {
	var frames []goja.StackFrame
	var intr *goja.InterruptedError
	var so *goja.StackOverflowError
	var ex *goja.Exception
	switch {
	case errors.As(err, &intr):
		frames = intr.Stack()
	case errors.As(err, &so):
		frames = so.Stack()
	case errors.As(err, &ex): // from a template that does not call rethrow
		frames = ex.Stack()
	}
	for i := range frames {
		if frames[i].SrcName() == templateSrc {
			return t.src.TemplateLine(frames[i].Position().Line)
		}
	}
	return 0
}
