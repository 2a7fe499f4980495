package jsrt

import (
	"embed"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

// moduleSources are the parts of hypergen's runtime written in
// JavaScript: Node's util (goja_nodejs's has only a format without %o, %i
// or inspect), events (the EventEmitter many packages extend), assert
// (which glob, graceful-fs and enquirer require), stream (the legacy Stream
// class), querystring and string_decoder, each a program that evaluates to
// a function of (exports, module, ...deps); prompt.js, the enquirer prompt
// of hook questions; buffer.js, the Buffer encodings goja_nodejs lacks;
// parseargs.js, util.parseArgs; inquirer.js, the inquirer package's
// prompt on hypergen's questions; and stack.js, V8's stack traces.
//
//go:embed util.js events.js assert.js stream.js querystring.js string_decoder.js prompt.js buffer.js process.js console.js syntaxhelpers.js timers.js regexp.js childprocess.js parseargs.js inquirer.js whatwgurl.js stack.js
var moduleSources embed.FS

// programs holds the files of moduleSources compiled, each once per
// process, on first use.
var programs sync.Map

// program is the compiled file of moduleSources.
func program(file string) *goja.Program {
	if p, ok := programs.Load(file); ok {
		return p.(*goja.Program)
	}
	src, err := moduleSources.ReadFile(file)
	if err != nil {
		panic(err) // a file not embedded above
	}
	p, _ := programs.LoadOrStore(file, goja.MustCompile(file, string(src), true))
	return p.(*goja.Program)
}

// fileModule builds the core module written in file.
func (vm *VM) fileModule(file string) func(module *goja.Object) {
	return func(module *goja.Object) { vm.jsModule(program(file), module) }
}

// jsModule fills a module from a program that evaluates to a function of
// (exports, module, ...deps).
func (vm *VM) jsModule(prog *goja.Program, module *goja.Object, deps ...goja.Value) {
	vm.build(prog, append([]goja.Value{module.Get("exports"), module}, deps...)...)
}

// build runs prog, which evaluates to a function, and returns what that
// function returns for args: the shape of the runtime's parts written in
// JavaScript (module.go's moduleSources).
func (vm *VM) build(prog *goja.Program, args ...goja.Value) *goja.Object {
	fn, err := vm.rt.RunProgram(prog)
	if err != nil {
		vm.throw(err)
	}
	build, _ := goja.AssertFunction(fn)
	out, err := build(goja.Undefined(), args...)
	if err != nil {
		vm.throw(err)
	}
	if obj, ok := out.(*goja.Object); ok {
		return obj
	}
	return nil
}

// callBackFn is native.callBack(fn, ...args) for the runtime's JavaScript
// parts: fn called as a callback is (see VM.callBack).
func (vm *VM) callBackFn(call goja.FunctionCall) goja.Value {
	cb, _ := goja.AssertFunction(call.Argument(0))
	return vm.callBack(cb, call.Arguments[1:]...)
}

// utilModule fills the util module's exports.
func (vm *VM) utilModule(module *goja.Object) {
	native := vm.rt.NewObject()
	// [state, result] of a promise, which util.inspect shows.
	_ = native.Set("promiseState", func(call goja.FunctionCall) goja.Value {
		state, result := "pending", goja.Undefined()
		if p, ok := call.Argument(0).Export().(*goja.Promise); ok {
			switch p.State() {
			case goja.PromiseStateFulfilled:
				state, result = "fulfilled", p.Result()
			case goja.PromiseStateRejected:
				state, result = "rejected", p.Result()
			}
		}
		return vm.rt.NewArray(state, result)
	})
	_ = native.Set("received", func(v goja.Value) string { return received(v) })
	_ = native.Set("callBack", vm.callBackFn)
	vm.jsModule(program("util.js"), module, native)
	vm.jsModule(program("parseargs.js"), module, native)
	exports := module.Get("exports").ToObject(vm.rt)
	// The web globals' classes, whatever a script made of the globals.
	lazyMembers(vm.rt, exports, []string{"TextEncoder", "TextDecoder"}, goja.FLAG_TRUE, func() *goja.Object {
		vm.use(featWeb)
		return vm.webGlobals
	})
	_ = exports.Set("isDeepStrictEqual", func(a, b goja.Value) bool {
		equal, _ := goja.AssertFunction(vm.builtin("assert", vm.fileModule("assert.js")).Get("deepStrictEqual"))
		_, err := equal(goja.Undefined(), a, b)
		panicUncatchable(err)
		return err == nil
	})
	// The name of a (negative, libuv-style) errno, as an error's code
	// gives it: execa reads error names through it.
	_ = exports.Set("getSystemErrorName", func(call goja.FunctionCall) goja.Value {
		n := call.Argument(0).ToInteger()
		if n >= 0 {
			panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf(`The value of "err" is out of range. It must be a negative integer. Received %d`, n)))
		}
		for name, e := range osErrnos() {
			if int64(e) == -n {
				return vm.rt.ToValue(name)
			}
		}
		return vm.rt.ToValue(fmt.Sprintf("Unknown system error %d", n))
	})
}

// urlFormat is url.format: a URL object's href, a string as given, or the
// URL a legacy url object describes, put together as Node's Url.format
// does.
func (vm *VM) urlFormat(call goja.FunctionCall) goja.Value {
	rt := vm.rt
	arg := call.Argument(0)
	obj, ok := arg.(*goja.Object)
	if !ok {
		if s, isStr := arg.Export().(string); isStr {
			return rt.ToValue(s)
		}
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "urlObject" argument must be one of type object or string. Received `+received(arg)))
	}
	get := func(k string) string {
		v := obj.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	if h := obj.Get("href"); h != nil && !goja.IsUndefined(h) && get("origin") != "" {
		// A WHATWG URL, with options that leave parts out.
		opts, _ := call.Argument(1).(*goja.Object)
		if opts == nil {
			return h
		}
		with := func(k string) bool { v := opts.Get(k); return v == nil || goja.IsUndefined(v) || v.ToBoolean() }
		out := get("protocol")
		if host := get("host"); host != "" || out == "file:" {
			out += "//"
			if user, pass := get("username"), get("password"); with("auth") && (user != "" || pass != "") {
				out += user
				if pass != "" {
					out += ":" + pass
				}
				out += "@"
			}
			out += host
		}
		out += get("pathname")
		if with("search") {
			out += get("search")
		}
		if with("fragment") {
			out += get("hash")
		}
		return rt.ToValue(out)
	}
	auth := get("auth")
	if auth != "" {
		auth = strings.Replace(url.PathEscape(auth), "%3A", ":", 1) + "@"
	}
	protocol, pathname, hash, host := get("protocol"), get("pathname"), get("hash"), ""
	if h := get("host"); h != "" {
		host = auth + h
	} else if hn := get("hostname"); hn != "" {
		if strings.Contains(hn, ":") && !strings.HasPrefix(hn, "[") {
			hn = "[" + hn + "]"
		}
		host = auth + hn
		if port := get("port"); port != "" {
			host += ":" + port
		}
	}
	search := get("search")
	if q, ok := obj.Get("query").(*goja.Object); ok && search == "" {
		stringify, _ := goja.AssertFunction(vm.querystringModule().Get("stringify"))
		if s, err := stringify(goja.Undefined(), q); err == nil && s.String() != "" {
			search = "?" + s.String()
		}
	}
	if protocol != "" && !strings.HasSuffix(protocol, ":") {
		protocol += ":"
	}
	pathname = strings.NewReplacer("#", "%23", "?", "%3F").Replace(pathname)
	slashed := map[string]bool{"http:": true, "https:": true, "ftp:": true, "gopher:": true, "file:": true}
	if truthy(obj.Get("slashes")) || slashed[protocol] {
		if truthy(obj.Get("slashes")) || host != "" || protocol == "file:" {
			if pathname != "" && pathname[0] != '/' {
				pathname = "/" + pathname
			}
			host = "//" + host
		}
	}
	search = strings.ReplaceAll(search, "#", "%23")
	if hash != "" && hash[0] != '#' {
		hash = "#" + hash
	}
	if search != "" && search[0] != '?' {
		search = "?" + search
	}
	return rt.ToValue(protocol + host + pathname + search + hash)
}

// streamModule fills the stream module, whose Stream is an EventEmitter.
func (vm *VM) streamModule(module *goja.Object) {
	vm.jsModule(program("stream.js"), module, vm.builtin("events", vm.fileModule("events.js")))
}

// format is util.format of args, which console.log prints.
func (vm *VM) format(args []goja.Value) string {
	if len(args) == 0 {
		return "" // the common console.log() needs no util either
	}
	if len(args) == 1 && goja.IsString(args[0]) {
		// The common case needs no util. (Not Export, which would run an
		// object's getters, where inspect shows [Getter].)
		return args[0].String()
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

// inspect is util.inspect(v, options...), which console.dir prints.
func (vm *VM) inspect(v goja.Value, options ...goja.Value) string {
	f, _ := goja.AssertFunction(vm.builtin("util", vm.utilModule).Get("inspect"))
	out, err := f(goja.Undefined(), append([]goja.Value{v}, options...)...)
	if err != nil {
		return v.String()
	}
	return out.String()
}

// urlModule is Node's url: the WHATWG URL and URLSearchParams
// (whatwgurl.js), goja_nodejs's domainToASCII and domainToUnicode, the
// file URL conversions ES module hooks use to find their folder, and the
// legacy format.
func (vm *VM) urlModule(module *goja.Object) {
	rt := vm.rt
	nodeurl.Require(rt, module) // domainToASCII and domainToUnicode
	o := module.Get("exports").ToObject(rt)
	classes := vm.build(program("whatwgurl.js"), vm.urlNatives())
	ctor := classes.Get("URL")
	_ = o.Set("URL", ctor)
	_ = o.Set("URLSearchParams", classes.Get("URLSearchParams"))
	_ = o.Set("fileURLToPath", func(call goja.FunctionCall) goja.Value {
		href := call.Argument(0)
		if obj, ok := href.(*goja.Object); ok && truthy(obj.Get("href")) {
			href = obj.Get("href")
		}
		return rt.ToValue(vm.fileURLPath(href.String()))
	})
	_ = o.Set("format", vm.urlFormat)
	_ = o.Set("pathToFileURL", func(call goja.FunctionCall) goja.Value {
		p := call.Argument(0).String()
		u := url.URL{Scheme: "file", Path: vm.resolve(p)}
		if strings.HasSuffix(p, "/") && !strings.HasSuffix(u.Path, "/") {
			u.Path += "/" // a folder's URL, as Node keeps it
		}
		obj, err := rt.New(ctor, rt.ToValue(u.String()))
		if err != nil {
			vm.throw(err)
		}
		return obj
	})
}

// querystringModule is Node's querystring (querystring.js), made once per
// runtime.
func (vm *VM) querystringModule() *goja.Object {
	return vm.builtin("querystring", func(module *goja.Object) {
		native := vm.rt.NewObject()
		_ = native.Set("percentDecode", func(s string) string { return percentDecode(s, false) })
		vm.jsModule(program("querystring.js"), module, native)
	})
}
