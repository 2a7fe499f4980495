package jsrt

import (
	_ "embed"
	"errors"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

// utilSource is Node's util written in JavaScript (goja_nodejs's util has
// only a format without %o, %i or inspect). It is compiled once per process.
//
//go:embed util.js
var utilSource string

var utilProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("util.js", utilSource, true)
})

// eventsSource is Node's EventEmitter, which many packages extend.
//
//go:embed events.js
var eventsSource string

var eventsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("events.js", eventsSource, true)
})

// jsModule fills a module from a program that evaluates to a function of
// (exports, module, ...deps).
func (vm *VM) jsModule(prog *goja.Program, module *goja.Object, deps ...goja.Value) {
	fn, err := vm.rt.RunProgram(prog)
	if err != nil {
		vm.throw(err)
	}
	install, _ := goja.AssertFunction(fn)
	if _, err := install(goja.Undefined(), append([]goja.Value{module.Get("exports"), module}, deps...)...); err != nil {
		vm.throw(err)
	}
}

var errNotFileURL = errors.New("the URL must be of scheme file")

// utilModule fills the util module's exports.
func (vm *VM) utilModule(module *goja.Object) {
	vm.jsModule(utilProgram(), module)
	_ = module.Get("exports").ToObject(vm.rt).Set("isDeepStrictEqual", func(a, b goja.Value) bool {
		equal, _ := goja.AssertFunction(vm.builtin("assert", vm.assertModule).Get("deepStrictEqual"))
		_, err := equal(goja.Undefined(), a, b)
		panicUncatchable(err)
		return err == nil
	})
}

// assertSource is Node's assert module, which glob, graceful-fs and
// enquirer require.
//
//go:embed assert.js
var assertSource string

var assertProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("assert.js", assertSource, true)
})

func (vm *VM) assertModule(module *goja.Object) { vm.jsModule(assertProgram(), module) }

// querystringSource is Node's querystring module.
//
//go:embed querystring.js
var querystringSource string

var querystringProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("querystring.js", querystringSource, true)
})

func (vm *VM) querystringModule(module *goja.Object) { vm.jsModule(querystringProgram(), module) }

// stringDecoderSource is Node's string_decoder module.
//
//go:embed string_decoder.js
var stringDecoderSource string

var stringDecoderProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("string_decoder.js", stringDecoderSource, true)
})

func (vm *VM) stringDecoderModule(module *goja.Object) { vm.jsModule(stringDecoderProgram(), module) }

// streamSource is the legacy Stream class of Node's stream module.
//
//go:embed stream.js
var streamSource string

var streamProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("stream.js", streamSource, true)
})

func (vm *VM) streamModule(module *goja.Object) {
	vm.jsModule(streamProgram(), module, vm.builtin("events", vm.eventsModule))
}

func (vm *VM) eventsModule(module *goja.Object) { vm.jsModule(eventsProgram(), module) }

// format is util.format of args, which console.log prints.
func (vm *VM) format(args []goja.Value) string {
	if len(args) == 0 {
		return "" // the common console.log() needs no util either
	}
	if len(args) == 1 {
		if s, ok := args[0].Export().(string); ok {
			return s // the common case needs no util
		}
	}
	f, _ := goja.AssertFunction(vm.builtin("util", vm.utilModule).Get("format"))
	v, err := f(goja.Undefined(), args...)
	if err != nil {
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = a.String()
		}
		return strings.Join(parts, " ")
	}
	return v.String()
}

// inspect is util.inspect(v), which console.dir prints.
func (vm *VM) inspect(v goja.Value) string {
	f, _ := goja.AssertFunction(vm.builtin("util", vm.utilModule).Get("inspect"))
	out, err := f(goja.Undefined(), v)
	if err != nil {
		return v.String()
	}
	return out.String()
}

// urlModule is goja_nodejs's url (URL, URLSearchParams) with the file URL
// conversions ES module hooks use to find their folder.
func (vm *VM) urlModule(module *goja.Object) {
	rt := vm.rt
	nodeurl.Require(rt, module)
	o := module.Get("exports").ToObject(rt)
	ctor := o.Get("URL")
	_ = o.Set("fileURLToPath", func(call goja.FunctionCall) goja.Value {
		u, err := url.Parse(call.Argument(0).String())
		if err != nil || u.Scheme != "file" {
			vm.throw(&url.Error{Op: "fileURLToPath", URL: call.Argument(0).String(), Err: errNotFileURL})
		}
		return rt.ToValue(filepath.FromSlash(u.Path))
	})
	_ = o.Set("pathToFileURL", func(call goja.FunctionCall) goja.Value {
		u := url.URL{Scheme: "file", Path: vm.resolve(call.Argument(0).String())}
		obj, err := rt.New(ctor, rt.ToValue(u.String()))
		if err != nil {
			vm.throw(err)
		}
		return obj
	})
}
