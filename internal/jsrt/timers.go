package jsrt

import "github.com/dop251/goja"

// timers is Node's timers module (timers.js), made once per runtime.
func (vm *VM) timers() *goja.Object {
	return vm.builtin("timers", func(module *goja.Object) {
		native := vm.rt.NewObject()
		_ = native.Set("callBack", vm.callBackFn)
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
