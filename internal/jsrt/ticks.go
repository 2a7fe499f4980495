package jsrt

import (
	"sync"

	"github.com/dop251/goja"
)

// Node runs the callbacks process.nextTick queued as soon as the call that
// queued them (a module's body, a hook's params, a timer's callback)
// returns, before the promise callbacks it queued: a Promise's then and a
// nextTick queued in one call run tick first. goja runs its promise
// callbacks as the outermost call into it returns, with no way in between,
// so those calls are turns: made through turn.js, which runs the ticks
// while it is still the outermost call.

// A tick queued by a promise callback waits, in Node, until every promise
// callback has run, those queued after it too. goja runs them as the
// outermost call into it returns, so a turn that is that call runs such
// ticks when it returns (each tick's promise callbacks, again, once all
// the ticks have run); a tick queued elsewhere outside a turn, in a
// template, runs as a promise callback (see process.js).

// turnSource calls call() and then runTicks(), inside one call into goja.
const turnSource = `(function (call, runTicks) { const result = call(); runTicks(); return result })`

// turnProgram is turnSource compiled, once per process.
var turnProgram = sync.OnceValue(func() *goja.Program { return goja.MustCompile("turn.js", turnSource, true) })

// turn calls fn as Node calls it from its event loop: the ticks it queued
// run before it returns, and so before its promise callbacks; those its
// promise callbacks queued run after them all.
func (vm *VM) turn(fn goja.Callable, this goja.Value, args ...goja.Value) (goja.Value, error) {
	outer := !vm.outerTurn && len(vm.rt.CaptureCallStack(1, nil)) == 0
	if outer {
		vm.outerTurn = true
		defer func() { vm.outerTurn = false }()
	}
	if vm.turnFn == nil {
		f, err := vm.rt.RunProgram(turnProgram())
		if err != nil {
			panic(err) // the source compiled; running it cannot fail
		}
		vm.turnFn, _ = goja.AssertFunction(f)
	}
	var result goja.Value
	var callErr error
	call := func(goja.FunctionCall) goja.Value {
		result, callErr = fn(this, args...)
		panicUncatchable(callErr)
		return goja.Undefined()
	}
	if _, err := vm.turnFn(goja.Undefined(), vm.rt.ToValue(call), vm.rt.ToValue(vm.runTicksFn)); err != nil {
		return nil, err
	}
	if outer {
		vm.runLateTicks()
	}
	return result, callErr
}

// queueTick is native.queueTick(fn, ...args) for process.js: it queues a
// tick and reports whether no turn will run it and the queue was empty,
// when process.js queues a promise callback to run it.
func (vm *VM) queueTick(call goja.FunctionCall) goja.Value {
	fn, _ := goja.AssertFunction(call.Argument(0))
	vm.ticks = append(vm.ticks, task{fn, append([]goja.Value(nil), call.Arguments[1:]...)})
	return vm.rt.ToValue(!vm.outerTurn && len(vm.ticks) == 1)
}

// runLateTicks runs, each as a turn, the ticks left once the outermost
// turn and its promise callbacks have run.
func (vm *VM) runLateTicks() {
	for len(vm.ticks) > 0 && vm.uncaught == nil {
		t := vm.ticks[0]
		vm.ticks = vm.ticks[1:]
		vm.callBack(t.fn, t.args...)
	}
}

// runTicksFn is native.runTicks(): it runs the queued ticks, those they
// queue too, when the call into goja it is made in is a turn's or a
// promise callback's, not one nested in another call (a require inside a
// hook's params is a turn of its own, but its ticks wait for params).
func (vm *VM) runTicksFn(goja.FunctionCall) goja.Value {
	// This function and the JavaScript one that called it.
	if len(vm.rt.CaptureCallStack(3, nil)) > 2 {
		return goja.Undefined()
	}
	for len(vm.ticks) > 0 && vm.uncaught == nil {
		t := vm.ticks[0]
		vm.ticks = vm.ticks[1:]
		vm.callBack(t.fn, t.args...)
	}
	return goja.Undefined()
}
