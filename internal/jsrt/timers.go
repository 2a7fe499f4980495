package jsrt

import "github.com/dop251/goja"

// timers is Node's timers module (timers.js), made once per runtime.
func (vm *VM) timers() *goja.Object {
	return vm.builtin("timers", func(module *goja.Object) {
		rt := vm.rt
		native := rt.NewObject()
		_ = native.Set("callBack", func(call goja.FunctionCall) goja.Value {
			cb, _ := goja.AssertFunction(call.Argument(0))
			return vm.callBack(cb, call.Arguments[1:]...)
		})
		_ = native.Set("refuse", vm.refuse)
		fn, err := rt.RunProgram(program("timers.js"))
		if err != nil {
			vm.throw(err)
		}
		build, _ := goja.AssertFunction(fn)
		timers, err := build(goja.Undefined(), native)
		if err != nil {
			vm.throw(err)
		}
		_ = module.Set("exports", timers)
	})
}

// installTimers makes the timer functions globals, as in Node (see
// VM.use); a global a script has already defined is left as it is.
func (vm *VM) installTimers() {
	rt := vm.rt
	timers := vm.timers()
	for _, name := range []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"} {
		if v := rt.GlobalObject().Get(name); v == nil || goja.IsUndefined(v) {
			_ = rt.GlobalObject().DefineDataProperty(name, timers.Get(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			vm.globalNames++ // hypergen's, not a script's
		}
	}
}
