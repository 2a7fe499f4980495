package jsrt

import (
	_ "embed"
	"sync"

	"github.com/dop251/goja"
)

//go:embed regexp.js
var regexpSource string

var regexpProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("regexp.js", regexpSource, true)
})

// installRegExp wraps the RegExp constructor so that the source of a
// pattern made from a string is V8's (regexp.js; see VM.use). Only code
// that names RegExp can make one.
func (vm *VM) installRegExp() {
	fn, err := vm.rt.RunProgram(regexpProgram())
	if err != nil {
		panic(err) // the embedded source compiled; running it cannot fail
	}
	install, _ := goja.AssertFunction(fn)
	if _, err := install(goja.Undefined(), vm.rt.GlobalObject()); err != nil {
		// Code that froze RegExp.prototype goes without it; a limit that
		// stopped the runtime still ends the run.
		panicUncatchable(err)
	}
}
