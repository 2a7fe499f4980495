package jsrt

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/procgroup"
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

// DefaultMemory is the heap size past which a call into JavaScript is
// stopped when the process has no GOMEMLIMIT: Node's default heap limit on
// a 64-bit system.
const DefaultMemory = 4 << 30

// StuckGrace is how long a call into JavaScript may go on after its time or
// memory limit stopped it before Limits.Stuck is told: goja checks for an interrupt between instructions, so a call inside
// one built-in function (new Array(2**32-1).fill(1)) runs, and allocates,
// until that function returns. It is well past procgroup.Grace, the time a
// hook's child process may take to be stopped with the call, so that a
// command being ended is not taken for a stuck built-in.
const StuckGrace = procgroup.Grace + 3*time.Second

// stuckGrace is StuckGrace, shorter in tests.
var stuckGrace = StuckGrace

// MemoryCheckEvery paces the heap checks of a call (and of a Liquid
// render): none for a call that ends within it (every real template), then
// one each time it passes, since reading the heap's size stops the world
// briefly. At a second and then every 250 ms, a string doubling itself
// reached an 8 GiB allocation before the first check.
const MemoryCheckEvery = 100 * time.Millisecond

// Limits bound the JavaScript of a run.
type Limits struct {
	// Timeout is the wall-clock limit for each call into JavaScript (a
	// template render, a hook, a .hygen.js evaluation or helpers call).
	// Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxCallStack is the call depth limit; zero means DefaultMaxCallStack.
	MaxCallStack int
	// Memory stops a call that has run for a tenth of a second while the
	// process's heap holds more than this many bytes. Zero means the
	// process's GOMEMLIMIT if it has one, else DefaultMemory.
	Memory uint64
	// Stuck, if set, is called (once per call, from another goroutine)
	// when a call stopped by its time or memory limit is still running
	// StuckGrace later, with a *StuckError: nothing in the process can end
	// it, so a command exits and a server reports itself unhealthy. The
	// function it returns, if any, is called when the call ends after all.
	// Nil leaves the call to return when its built-in does.
	Stuck func(err error) (ended func())
}

// HeapOverLimit returns a *MemoryError if the process's heap holds more
// than the memory limit (Memory), nil if not. Reading the heap's size
// stops the world briefly: callers pace it (MemoryCheckEvery).
func (l Limits) HeapOverLimit() error {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if limit := l.memory(); m.HeapAlloc > limit {
		return &MemoryError{Heap: m.HeapAlloc, Limit: limit}
	}
	return nil
}

func (l Limits) memory() uint64 {
	if l.Memory > 0 {
		return l.Memory
	}
	if limit := debug.SetMemoryLimit(-1); limit > 0 && limit < math.MaxInt64 {
		return uint64(limit)
	}
	return DefaultMemory
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

// MemoryError is JavaScript (or a Liquid render) stopped because the heap
// grew past the memory limit while it ran.
type MemoryError struct{ Heap, Limit uint64 }

func (e *MemoryError) Error() string {
	return fmt.Sprintf("stopped: the heap grew to %d MiB while it ran, past the memory limit of templates and scripts of %d MiB", e.Heap>>20, e.Limit>>20)
}

// StuckError is what Limits.Stuck is told: a call stopped for Err that has
// not returned StuckGrace later.
type StuckError struct {
	Err error
	// In says what the call is stuck in: a built-in function of
	// JavaScript when empty.
	In string
}

func (e *StuckError) Error() string {
	in := e.In
	if in == "" {
		in = "a built-in function"
	}
	return fmt.Sprintf("still running %s after it was stopped (%v), inside %s that cannot be interrupted", StuckGrace, e.Err, in)
}

func (e *StuckError) Unwrap() error { return e.Err }

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
	// A rejection left by a call that did not look (one reading a value
	// from Go) is that call's, not this one's; so are the tasks of a call
	// that was stopped.
	vm.rejected, vm.tasks = nil, nil
	call, cancelCall := context.WithCancel(ctx)
	vm.call = call
	var mu sync.Mutex
	finished := false
	var stuck, memory *time.Timer
	var unstuck func() // what Limits.Stuck returned, called when the call ends
	limits := vm.setup.Limits
	// watchStuck arms the report of a call that outlives being stopped
	// for err. Only the limits arm it: a cancellation (a client that left,
	// a shutdown) may wait for a long but finite built-in, such as a
	// backtracking match bounded by the time limit, and its caller already
	// answers without waiting. While the run waits for a person to answer
	// a question, no JavaScript runs and nothing is stuck.
	var watchStuck func(err error)
	watchStuck = func(err error) {
		stuck = time.AfterFunc(stuckGrace, func() {
			mu.Lock()
			if finished {
				mu.Unlock()
				return
			}
			if vm.answering.Load() {
				watchStuck(err)
				mu.Unlock()
				return
			}
			mu.Unlock()
			ended := limits.Stuck(&StuckError{Err: err})
			mu.Lock()
			done := finished
			unstuck = ended
			mu.Unlock()
			if done && ended != nil {
				ended()
			}
		})
	}
	interrupt := func(v error, watch bool) {
		mu.Lock()
		defer mu.Unlock()
		if finished {
			return
		}
		vm.rt.Interrupt(v)
		cancelCall()
		if watch && limits.Stuck != nil && stuck == nil {
			watchStuck(v)
		}
	}
	// The limit bounds JavaScript, not a person answering a question: one
	// that passes while the run waits for an answer starts again.
	var timer *time.Timer
	timer = time.AfterFunc(limits.timeout(), func() {
		if vm.answering.Load() {
			timer.Reset(limits.timeout())
			return
		}
		interrupt(&TimeoutError{Limit: limits.timeout()}, true)
	})
	stop := context.AfterFunc(ctx, func() { interrupt(context.Cause(ctx), false) })
	var checkMemory func()
	checkMemory = func() {
		// A person answering a question allocates nothing: no stop of the
		// world ten times a second while they think.
		if !vm.answering.Load() {
			if err := limits.HeapOverLimit(); err != nil {
				interrupt(err, true)
				return
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if !finished {
			memory.Reset(MemoryCheckEvery)
		}
	}
	mu.Lock()
	memory = time.AfterFunc(MemoryCheckEvery, checkMemory)
	mu.Unlock()
	return func() {
		mu.Lock()
		finished = true
		memory.Stop()
		if stuck != nil {
			stuck.Stop()
		}
		ended := unstuck
		mu.Unlock()
		if ended != nil {
			ended()
		}
		timer.Stop()
		stop()
		cancelCall()
		vm.call = nil
		// An interrupt that arrived as the call returned must not stop the
		// next one.
		vm.rt.ClearInterrupt()
		vm.closeFiles()
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

// fileLine is the line of file where err was thrown (the innermost frame
// of its stack in file), 0 when its stack has none. The module wrapper
// shares the file's first line, and the ES module rewrite keeps every
// line, so the position is the file's own.
func fileLine(err error, file string) int {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return 0
	}
	for _, f := range ex.Stack() {
		if f.SrcName() == file {
			return f.Position().Line
		}
	}
	return 0
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
