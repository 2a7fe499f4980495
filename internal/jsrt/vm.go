package jsrt

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// VM is one JavaScript runtime with hygen's helpers installed. It is not safe
// for concurrent use; take one from a Pool per goroutine.
type VM struct {
	rt       *goja.Runtime
	helpers  goja.Value
	escape   goja.Value
	include  goja.Value
	rethrow  goja.Value
	fns      map[*goja.Program]goja.Callable
	lastLine int

	cwd            string
	stdout, stderr io.Writer
	modules        map[string]*goja.Object // CommonJS modules by file, as require caches them
	builtins       map[string]*goja.Object // core modules' exports, built on first require
	process        *goja.Object
	run            RunOptions
}

// NewVM makes a runtime; cwd is what h.path.resolve resolves against.
func NewVM(cwd string) *VM {
	rt := goja.New()
	vm := &VM{rt: rt, fns: map[*goja.Program]goja.Callable{}, cwd: cwd,
		stdout: io.Discard, stderr: io.Discard, modules: map[string]*goja.Object{}, builtins: map[string]*goja.Object{}}
	vm.helpers = newHelpers(rt, cwd)
	vm.installGlobals(cwd)
	vm.escape = rt.ToValue(func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return rt.ToValue("")
		}
		return rt.ToValue(escapeXML(v.String()))
	})
	vm.include = rt.ToValue(func(goja.FunctionCall) goja.Value {
		panic(rt.NewGoError(errors.New("include is not supported: hygen renders templates without a filename")))
	})
	vm.rethrow = rt.ToValue(func(call goja.FunctionCall) goja.Value {
		vm.lastLine = int(call.Argument(1).ToInteger())
		panic(call.Argument(0))
	})
	return vm
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func escapeXML(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	return xmlEscaper.Replace(s)
}

// Render runs t with locals as its scope, plus `h` for the helpers. A
// cancelled ctx interrupts a template that runs too long.
func (vm *VM) Render(ctx context.Context, t *Template, locals *jsvalue.Object) (out string, err error) {
	fn, ok := vm.fns[t.prog]
	if !ok {
		v, err := vm.rt.RunProgram(t.prog)
		if err != nil {
			return "", vm.renderError(err)
		}
		fn, ok = goja.AssertFunction(v)
		if !ok {
			return "", &Error{Msg: "compiled template is not a function"}
		}
		vm.fns[t.prog] = fn
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { vm.rt.Interrupt(ctx.Err()) })
		defer func() {
			if !stop() {
				vm.rt.ClearInterrupt()
			}
		}()
	}
	vm.lastLine = 0
	scope := vm.scope(locals)
	res, err := fn(goja.Undefined(), scope, vm.escape, vm.include, vm.rethrow)
	if err != nil {
		return "", vm.renderError(err)
	}
	return res.String(), nil
}

func (vm *VM) scope(locals *jsvalue.Object) *goja.Object {
	obj := vm.rt.NewObject()
	for _, k := range locals.Keys() {
		v, _ := locals.Get(k)
		_ = obj.Set(k, vm.ToValue(v))
	}
	// Like hygen, `h` is always the helpers, even if a flag is named h;
	// a caller with project helpers passes their merged object as h.
	h := vm.helpers
	if v, ok := locals.Get("h"); ok {
		if merged, ok := v.(goja.Value); ok {
			h = merged
		}
	}
	_ = obj.Set("h", h)
	return obj
}

func (vm *VM) renderError(err error) error {
	var ex *goja.Exception
	var intr *goja.InterruptedError
	switch {
	case errors.As(err, &intr):
		if e, ok := intr.Value().(error); ok {
			return e
		}
		return &Error{Line: vm.lastLine, Msg: "interrupted"}
	case errors.As(err, &ex):
		return &Error{Line: vm.lastLine, Msg: describe(ex.Value())}
	}
	return &Error{Line: vm.lastLine, Msg: err.Error()}
}

// describe formats a thrown value as Node prints err.toString().
func describe(v goja.Value) string {
	if obj, ok := v.(*goja.Object); ok {
		// A Go error thrown by a helper reads as its own message, without
		// goja's "GoError: " prefix.
		if ge, ok := obj.Export().(error); ok {
			return ge.Error()
		}
		if gv := obj.Get("value"); gv != nil && obj.ClassName() == "Error" {
			if ge, ok := gv.Export().(error); ok {
				return ge.Error()
			}
		}
	}
	return v.String()
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

// Pool hands out VMs, one per goroutine at a time.
type Pool struct {
	cwd string
	p   sync.Pool
}

// NewPool makes a pool of VMs whose h.path resolves against cwd.
func NewPool(cwd string) *Pool {
	pl := &Pool{cwd: cwd}
	pl.p.New = func() any { return NewVM(pl.cwd) }
	return pl
}

// Get takes a VM; Put returns it.
func (p *Pool) Get() *VM { return p.p.Get().(*VM) }

// Put returns a VM to the pool.
func (p *Pool) Put(vm *VM) { p.p.Put(vm) }
