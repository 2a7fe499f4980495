package jsrt

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

//go:embed accessors.js
var accessorsSource string

var accessorsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("accessors.js", accessorsSource, true)
})

// needsAccessors reports whether code names one of the legacy accessor
// methods installAccessors installs. Most code names none, and a runtime that
// never needs them does not pay for them.
func needsAccessors(code string) bool {
	return strings.Contains(code, "etter__") && (strings.Contains(code, "__defineGetter__") ||
		strings.Contains(code, "__defineSetter__") || strings.Contains(code, "__lookupGetter__") ||
		strings.Contains(code, "__lookupSetter__"))
}

// installAccessors installs Object.prototype's legacy accessor methods
// (accessors.js; see VM.use).
func (vm *VM) installAccessors() {
	fn, err := vm.rt.RunProgram(accessorsProgram())
	if err != nil {
		panic(err) // the embedded source compiled; running it cannot fail
	}
	install, _ := goja.AssertFunction(fn)
	if _, err := install(goja.Undefined()); err != nil {
		// Code that froze Object.prototype goes without them; a limit
		// that stopped the runtime still ends the run.
		panicUncatchable(err)
	}
}
