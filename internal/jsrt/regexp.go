package jsrt

import "github.com/dop251/goja"

// installRegExp wraps the RegExp constructor so that the source of a
// pattern made from a string is V8's (regexp.js; see VM.use). Only code
// that names RegExp can make one.
func (vm *VM) installRegExp() {
	fn, err := vm.rt.RunProgram(program("regexp.js"))
	if err != nil {
		panic(err) // the embedded source compiled; running it cannot fail
	}
	install, _ := goja.AssertFunction(fn)
	if _, err := install(goja.Undefined(), vm.rt.GlobalObject()); err != nil {
		// Code that froze RegExp.prototype goes without it; a limit that
		// stopped the runtime still ends the run.
		panicUncatchable(err)
	}
	vm.showAsTarget(vm.rt.Get("RegExp"))
}
