package jsrt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"golang.org/x/text/collate"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// VM is one JavaScript runtime with hygen's helpers installed, serving one
// run. It is not safe for concurrent use; a run takes one from its Pool per
// goroutine.
type VM struct {
	rt        *goja.Runtime
	ctx       context.Context // the run's: cancelling it interrupts hooks and .hygen.js
	setup     Setup
	helpers   goja.Value
	escape    goja.Value
	include   goja.Value
	inc       includeScope // what include() is called from (include.go)
	installed features     // see VM.use
	// webGlobals holds the web globals' values once installed (featWeb),
	// for the modules that export them too (util's TextEncoder).
	webGlobals *goja.Object
	// collators are localeCompare's, by the BCP 47 tag of its arguments.
	collators map[string]*collate.Collator
	main      *goja.Object // require.main, made on first use
	fsTypes   *fsClasses   // fs.Stats and fs.Dirent (see fsClass)
	// files are fs.openSync's, by descriptor (nodefd.go).
	files map[int]*os.File
	// handles are fs.promises.open's FileHandles, and handleProto their
	// prototype (nodefilehandle.go).
	handles     map[*goja.Object]*fileHandle
	handleProto *goja.Object
	// proxied are the Proxies the runtime put in place of constructors,
	// with what they wrap (proxysource.go).
	proxied map[*goja.Object]*goja.Object
	// createPrompter is the project's .hygen.js createPrompter, which
	// hygen calls for the prompter hooks get (a test's fake answers, say).
	createPrompter goja.Callable
	// hookAsk asks the questions of the hook running now (RunHook), for
	// the enquirer package's stand-in (enquirer.go).
	hookAsk  Asker
	rethrow  goja.Value
	piece    goja.Value // ejs.PieceFunction, made on the first render
	fns      map[*goja.Program]goja.Callable
	lastLine int
	guarded  bool // a call into JavaScript is under guard
	// call is done when the guarded call is interrupted (time limit, the
	// run's ctx): the Go work JavaScript waits for, such as a child
	// process, stops with it, since an interrupt reaches goja only when
	// that work returns.
	call context.Context
	// uncaught is the first exception an fs callback threw: it ends the
	// hook or the loading of .hygen.js that started the call, as an
	// exception thrown in a callback ends Node's run.
	uncaught error
	// rejected are the promises rejected with no handler during the
	// guarded call, in order (trackRejection): one still unhandled when the
	// call returns ends it, as an unhandled rejection ends Node's run.
	rejected []*goja.Promise
	// tasks are the callbacks timers queued (setTimeout with no delay,
	// setImmediate), to run once the call and its promise callbacks have
	// (runTasks).
	tasks []task
	// ticks are the callbacks process.nextTick queued (see turn).
	ticks []task
	// turnFn is turn.js, made on first use.
	turnFn goja.Callable
	// outerTurn is set while the outermost call into goja is a turn,
	// which runs the ticks its promise callbacks queue.
	outerTurn bool
	// sysWarned: require('sys') printed Node's deprecation warning.
	sysWarned bool

	stdout, stderr io.Writer                   // Setup's, never nil
	globalNames    int                         // how many names jsrt itself put on the global object
	ownNames       goja.Callable               // Object.getOwnPropertyNames
	cache          *goja.Object                // require.cache (see requireCache)
	moduleCtor     *goja.Object                // Module (see moduleClass)
	ownResolve     *goja.Object                // Module._resolveFilename as moduleClass made it
	moduleParents  map[*goja.Object]goja.Value // each Module's parent, as Node keeps them: outside the object
	builtins       map[string]*goja.Object     // core modules' exports, built on first require
	process        *goja.Object
	warned         bool // process.emitWarning printed its hint
	// answering is set while a hook's question waits for its answer (at a
	// terminal, a person): the call's guard does not count that time as
	// JavaScript stuck in a built-in.
	answering atomic.Bool
	environ   []string // Setup.Env's answer, asked once (see given)
}

// Redirect sends what the VM's scripts print (console, process.stdout and
// stderr, child processes' inherited output) to stdout and stderr until
// the function it returns puts the VM's own writers back.
func (vm *VM) Redirect(stdout, stderr io.Writer) (restore func()) {
	out, errOut := vm.stdout, vm.stderr
	vm.stdout, vm.stderr = stdout, stderr
	return func() { vm.stdout, vm.stderr = out, errOut }
}

// NewVM makes a runtime for one run; cancelling ctx interrupts the run's
// JavaScript.
func NewVM(ctx context.Context, setup Setup) *VM {
	rt := goja.New()
	if setup.scopeWarned == nil {
		setup.scopeWarned = new(sync.Once)
	}
	vm := &VM{rt: rt, ctx: ctx, setup: setup, fns: map[*goja.Program]goja.Callable{},
		stdout: orDiscard(setup.Stdout), stderr: orDiscard(setup.Stderr),
		builtins: map[string]*goja.Object{}}
	rt.SetPromiseRejectionTracker(vm.trackRejection)
	vm.install()
	// Object.getOwnPropertyNames, kept from before any script runs: it
	// lists the names of goja's built-ins without building them, where
	// goja's Go API for it builds every one.
	vm.ownNames, _ = goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("getOwnPropertyNames"))
	installedGlobals.once.Do(func() { installedGlobals.n = vm.countGlobalNames() })
	vm.globalNames = installedGlobals.n
	vm.escape = rt.ToValue(func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return rt.ToValue("")
		}
		return rt.ToValue(escapeXML(v.String()))
	})
	vm.include = rt.ToValue(vm.includeFunc)
	vm.rethrow = rt.ToValue(func(call goja.FunctionCall) goja.Value {
		vm.lastLine = int(call.Argument(1).ToInteger())
		panic(call.Argument(0))
	})
	return vm
}

// installedGlobals is the number of names on the global object of a VM
// that install has prepared, before any script runs: the same on every VM
// (install defines the same globals whatever the Setup), so counted once.
var installedGlobals struct {
	once sync.Once
	n    int
}

// globalsMade reports whether JavaScript on this VM added names to the
// global object (assigned a name it never declared, or set a property of
// globalThis) or deleted some, or changed process.env, which hygen's later
// templates see as well.
func (vm *VM) globalsMade() (bool, error) {
	if vm.countGlobalNames() != vm.globalNames {
		return true, nil
	}
	set, unset, err := vm.EnvChanges()
	return len(set) > 0 || len(unset) > 0, err
}

func (vm *VM) countGlobalNames() int {
	names, err := vm.ownNames(goja.Undefined(), vm.rt.GlobalObject())
	if err != nil {
		panic(err) // it throws only for null and undefined
	}
	return int(names.ToObject(vm.rt).Get("length").ToInteger())
}

func orDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}

// pieceProgram is compiled once per process and run once per VM: declared
// in every template, as ejs declares __append, it was nearly a quarter of
// what compiling a short text allocated.
var pieceProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("piece", ejs.PieceFunction, false)
})

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func escapeXML(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	return xmlEscaper.Replace(s)
}

// Render runs t with locals as its scope, plus `h` for the helpers. A
// cancelled ctx or the time limit interrupts a template that runs too long.
func (vm *VM) Render(ctx context.Context, t *Template, locals *jsvalue.Object) (out string, err error) {
	defer vm.guard(ctx)()
	scope := vm.scope(locals)
	res, err := vm.run(t, scope, vm.thisFor(scope), filenameOf(locals), 0)
	if uncaught := vm.drain(); err == nil && uncaught != nil {
		// A callback the template queued (process.nextTick, setImmediate)
		// threw once it had rendered, or a promise it rejected was left
		// unhandled: Node's run would end there.
		err = uncaught
	}
	if err != nil {
		rerr := vm.jsError(err, vm.lastLine)
		if rerr.Line == 0 {
			rerr.Line = templateLine(err, t)
		}
		return "", rerr
	}
	return res.String(), nil
}

// thisFor is `this` in a template rendered with scope as its data:
// hygen calls ejs.render with no options, so ejs takes its context option
// (and the deprecated scope, used when context is not truthy) from the
// data. Any other this is undefined, which sloppy code sees as the global
// object.
func (vm *VM) thisFor(scope *goja.Object) goja.Value {
	this := scope.Get("context")
	if s := scope.Get("scope"); s != nil && s.ToBoolean() {
		vm.WarnScopeOption()
		if this == nil || !this.ToBoolean() {
			this = s
		}
	}
	if this == nil {
		return goja.Undefined()
	}
	return this
}

// WarnScopeOption prints, once per run, what ejs prints the first time a
// template is rendered with a truthy scope among its data (a --scope
// flag, say); the caller of a text it renders without the VM calls it
// itself.
func (vm *VM) WarnScopeOption() {
	vm.setup.scopeWarned.Do(func() {
		fmt.Fprintln(vm.stderr, "`scope` option is deprecated and will be removed in EJS 3")
	})
}

// run calls t's function with scope as its data and this as this, as the
// text of file (for the include() calls it makes), depth includes down.
func (vm *VM) run(t *Template, scope *goja.Object, this goja.Value, file string, depth int) (goja.Value, error) {
	fn, ok := vm.fns[t.prog]
	if !ok {
		v, err := vm.rt.RunProgram(t.prog)
		if err != nil {
			return nil, err
		}
		fn, ok = goja.AssertFunction(v)
		if !ok {
			return nil, &Error{Msg: "compiled template is not a function"}
		}
		vm.fns[t.prog] = fn
	}
	if vm.piece == nil {
		var err error
		if vm.piece, err = vm.rt.RunProgram(pieceProgram()); err != nil {
			return nil, err
		}
	}
	vm.use(t.needs)
	vm.lastLine = 0
	outer := vm.inc
	vm.inc = includeScope{data: scope, this: this, file: file, opts: t.opts, depth: depth}
	defer func() { vm.inc = outer }()
	return fn(this, scope, vm.escape, vm.include, vm.rethrow, vm.piece)
}

func (vm *VM) scope(locals *jsvalue.Object) *goja.Object {
	obj := vm.rt.NewObject()
	for _, k := range locals.Keys() {
		v, _ := locals.Get(k)
		_ = obj.Set(k, vm.ToValue(v))
	}
	// Like hygen, `h` is always the helpers, even if a flag or a hook's
	// answer is named h; a caller with project helpers passes them as h.
	h := vm.helpers
	if v, ok := locals.Get("h"); ok {
		if merged, ok := v.(Helpers); ok {
			h = merged.v
		}
	}
	_ = obj.Set("h", h)
	return obj
}

// jsError describes an error of JavaScript: a template's at its line (the
// last one its code reached), a hook's or .hygen.js's with line 0, since a
// template line means nothing there.
func (vm *VM) jsError(err error, line int) *Error {
	if le := vm.limitError(err); le != nil {
		return &Error{Line: line, Msg: le.Error(), Err: le}
	}
	var ex *goja.Exception
	switch {
	case errors.As(err, &ex):
		// A Go error thrown through JavaScript (an Asker's, a helper's)
		// stays in the chain, for errors.Is.
		return &Error{Line: line, Msg: describe(ex.Value()), Err: goErrorOf(ex.Value())}
	}
	return &Error{Line: line, Msg: err.Error(), Err: err}
}

// goErrorOf is the Go error a thrown value carries (rt.NewGoError), or nil.
func goErrorOf(v goja.Value) error {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if ge, ok := obj.Export().(error); ok {
		return ge
	}
	if gv := obj.Get("value"); gv != nil && obj.ClassName() == "Error" {
		if ge, ok := gv.Export().(error); ok {
			return ge
		}
	}
	return nil
}

// describe formats a thrown value as Node prints err.toString().
func describe(v goja.Value) string {
	// A Go error thrown by a helper reads as its own message, without
	// goja's "GoError: " prefix.
	if ge := goErrorOf(v); ge != nil {
		return ge.Error()
	}
	s := printable(v)
	if strings.HasPrefix(s, "TypeError: Could not convert &{") && strings.HasSuffix(s, " to primitive") {
		// goja's text prints its Go structure (&{…}); this is V8's. A
		// template's own TypeError of similar words is left alone.
		return "TypeError: Cannot convert object to primitive value"
	}
	return s
}

// printable is v.String(), unless converting v throws (an object whose
// toString throws, a Proxy): goja throws from Go code by panicking.
func printable(v goja.Value) (s string) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(*goja.Exception); !ok {
				panic(r)
			}
			s = unprintable
		}
	}()
	return v.String()
}

// unprintable stands for a thrown value that cannot be made a string.
const unprintable = "a value that cannot be converted to a string (converting it threw)"

// ErrInternal is wrapped by the error of a run that a Go runtime fault
// stopped (see CatchThrown): hypergen's failure, or goja's, not the
// templates'.
var ErrInternal = errors.New("an internal error stopped the run")

// CatchThrown, deferred by a caller that reads JavaScript values from Go,
// turns an exception thrown while it did (by a getter, a Proxy's trap, a
// toString: goja throws from Go code by panicking), or a Go runtime fault
// (one inside goja), into *err. Any other panic goes on.
func CatchThrown(err *error) {
	r := recover()
	if r == nil {
		return
	}
	switch x := r.(type) {
	case *goja.Exception:
		*err = &Error{Msg: "a JavaScript value threw when hypergen read it: " + describe(x.Value())}
	case *goja.InterruptedError:
		// The time limit or a cancellation, reached while a getter ran: its
		// error, a *TimeoutError for the limit, as anywhere else.
		if e, ok := x.Value().(error); ok {
			*err = e
		} else {
			*err = fmt.Errorf("interrupted: %v", x.Value())
		}
	case *goja.StackOverflowError:
		*err = fmt.Errorf("a JavaScript value overflowed the call stack when hypergen read it: %w", ErrCallStack)
	case runtime.Error:
		// A fault inside goja (an eval in an arrow nested in an async hook
		// indexed past a slice) ended the process, and an agent with every
		// request it was serving. The run fails instead; its runtimes go
		// with it.
		*err = fmt.Errorf("%w: %v (not the templates' fault: please report it with them)", ErrInternal, x)
	default:
		panic(r)
	}
}

// ToValue converts a value of the jsvalue model into this runtime.
func (vm *VM) ToValue(v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case *jsvalue.Object:
		obj := vm.rt.NewObject()
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			_ = obj.Set(k, vm.ToValue(e))
		}
		return obj
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = vm.ToValue(e)
		}
		return vm.rt.NewArray(items...)
	case Helpers:
		return x.v
	case *jsvalue.RegExp:
		re, err := vm.rt.New(vm.rt.Get("RegExp"), vm.rt.ToValue(x.Source), vm.rt.ToValue(x.Flags))
		if err != nil {
			return vm.rt.ToValue(x.String())
		}
		return re
	}
	if v == jsvalue.Undefined {
		return goja.Undefined()
	}
	return vm.rt.ToValue(v)
}
