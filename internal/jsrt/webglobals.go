package jsrt

import (
	_ "embed"
	"sync"

	"github.com/dop251/goja"
)

// webGlobalsSource is Node's web-platform globals hooks and packages use
// (TextEncoder, atob, structuredClone, URL, …).
//
//go:embed webglobals.js
var webGlobalsSource string

var webGlobalsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("webglobals.js", webGlobalsSource, true)
})

// webEventsSource is the event and abort globals and weak references
// (EventTarget, AbortController, WeakRef, …), built only when one is used:
// their classes took half again the time of the other web globals, which
// code naming URL alone would pay.
//
//go:embed webevents.js
var webEventsSource string

var webEventsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("webevents.js", webEventsSource, true)
})

// webGlobalNames are the globals installWebGlobals installs; webEventNames
// the ones it installs as lazy properties, built on first use.
var (
	webGlobalNames = []string{"TextEncoder", "TextDecoder", "atob", "btoa", "queueMicrotask", "structuredClone", "performance", "URL", "URLSearchParams", "crypto"}
	webEventNames  = []string{"DOMException", "Event", "EventTarget", "AbortController", "AbortSignal", "WeakRef", "FinalizationRegistry"}
)

// webMethodNames are the String methods it adds where goja has none.
var webMethodNames = []string{"isWellFormed", "toWellFormed"}

// needsWebGlobals reports whether code names one of webGlobalNames or
// webMethodNames as a name of its own. Every runtime would pay for them
// otherwise (about 16 allocations for each lazy global), and templates
// seldom use them.
func needsWebGlobals(code string) bool {
	for _, names := range [][]string{webGlobalNames, webEventNames, webMethodNames} {
		for _, name := range names {
			if namesIdent(code, name) {
				return true
			}
		}
	}
	return false
}

// installWebGlobals installs webGlobalNames (see VM.use); a global a
// script has already defined is left as it is.
func (vm *VM) installWebGlobals() {
	rt := vm.rt
	fn, err := rt.RunProgram(webGlobalsProgram())
	if err != nil {
		panic(err) // the embedded source compiled; running it cannot fail
	}
	install, _ := goja.AssertFunction(fn)
	url := vm.builtin("url", vm.urlModule)
	globals, err := install(goja.Undefined(), vm.bufferModule().Get("Buffer"), url.Get("URL"), url.Get("URLSearchParams"))
	if err != nil {
		panic(err)
	}
	g := globals.ToObject(rt)
	vm.webGlobals = g
	// Node 20's global crypto is Web Crypto: crypto.webcrypto here.
	_ = g.Set("crypto", vm.builtin("crypto", vm.cryptoModule).Get("webcrypto"))
	for _, name := range vm.undefinedGlobals(webGlobalNames) {
		_ = rt.GlobalObject().DefineDataProperty(name, g.Get(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	lazyMembers(rt, rt.GlobalObject(), vm.undefinedGlobals(webEventNames), goja.FLAG_FALSE, func() *goja.Object {
		fn, err := rt.RunProgram(webEventsProgram())
		if err != nil {
			panic(err) // as above
		}
		build, _ := goja.AssertFunction(fn)
		events, err := build(goja.Undefined(), g.Get("performance"), g.Get("queueMicrotask"))
		if err != nil {
			panic(err)
		}
		return events.ToObject(rt)
	})
}

// undefinedGlobals are those of names no script has defined, which
// hypergen is to install; it counts them as its own (VM.globalNames).
func (vm *VM) undefinedGlobals(names []string) []string {
	var out []string
	for _, name := range names {
		if v := vm.rt.GlobalObject().Get(name); v == nil || goja.IsUndefined(v) {
			out = append(out, name)
		}
	}
	vm.globalNames += len(out)
	return out
}
