package jsrt

import "github.com/dop251/goja"

// timers is Node's timers module (timers.js), made once per runtime.
func (vm *VM) timers() *goja.Object {
	return vm.builtin("timers", func(module *goja.Object) {
		native := vm.rt.NewObject()
		_ = native.Set("queue", vm.queueTask)
		_ = native.Set("refuse", vm.refuse)
		_ = module.Set("exports", vm.build(program("timers.js"), native))
	})
}

// installTimers makes the timer functions globals, as in Node (see
// VM.use); a global a script has already defined is left as it is.
func (vm *VM) installTimers() {
	rt := vm.rt
	timers := vm.timers()
	for _, name := range vm.undefinedGlobals([]string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"}) {
		_ = rt.GlobalObject().DefineDataProperty(name, timers.Get(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// task is a callback and its arguments, queued to run as a task of Node's
// event loop.
type task struct {
	fn   goja.Callable
	args []goja.Value
}

// queue queues fn(args...) as a task: it runs after the call that queued
// it and the promise callbacks that call left (see runTasks).
func (vm *VM) queue(fn goja.Callable, args ...goja.Value) {
	vm.tasks = append(vm.tasks, task{fn, args})
}

// queueTask is native.queue(fn), queue for timers.js.
func (vm *VM) queueTask(call goja.FunctionCall) goja.Value {
	if fn, ok := goja.AssertFunction(call.Argument(0)); ok {
		vm.queue(fn)
	}
	return goja.Undefined()
}

// runTasks runs the queued tasks in order, each as a call of its own, so
// the promise callbacks a task queues run before the next task, as in
// Node's event loop; until, when not nil, stops it early once it reports
// true (a promise Go awaits has settled). It stops where Node's process
// would end: at an exception a task threw, or at a promise rejection that
// a turn left unhandled.
func (vm *VM) runTasks(until func() bool) {
	for len(vm.tasks) > 0 && vm.uncaught == nil && len(vm.rejected) == 0 && (until == nil || !until()) {
		t := vm.tasks[0]
		vm.tasks = vm.tasks[1:]
		vm.callBack(t.fn, t.args...)
	}
}
