package jsrt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/noderesolve"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
	"github.com/hypergen-dev/hypergen/internal/uniprop"
)

// Scripts are the project's own JavaScript that hygen runs in Node: the
// .hygen.js configuration and action hook files. They run here as CommonJS
// modules (ES modules are rewritten into CommonJS first), with the part of
// Node that such files use: the globals process, console, Buffer,
// __dirname and __filename; the core modules path, fs (reading), os, util,
// buffer, url and child_process (synchronous calls, under the run's policy);
// and pure-JavaScript packages found in node_modules with Node's algorithm.
// Anything else (native addons, network, other core modules) cannot work
// without Node.js and fails with a message naming what is missing.

// ErrUnsupportedRequire is wrapped by errors from require calls that cannot
// be served.
var ErrUnsupportedRequire = errors.New("not available in hypergen")

// installGlobals adds the Node globals scripts commonly touch.
func (vm *VM) installGlobals() {
	rt := vm.rt
	vm.lazyGlobal("console", vm.newConsole)
	_ = rt.Set("global", rt.GlobalObject()) // Node's name for globalThis
	vm.lazyGlobal("process", func() goja.Value { return vm.processObject() })
	vm.lazyGlobal("Buffer", func() goja.Value { return vm.bufferModule().Get("Buffer") })
}

// newConsole builds the console global, on first use: a template seldom
// logs, and each of its functions costs a runtime allocations.
func (vm *VM) newConsole() goja.Value {
	rt := vm.rt
	indent := "" // console.group's, two spaces a level, as in Node
	print := func(w io.Writer, text string) {
		if indent != "" {
			text = indent + strings.ReplaceAll(text, "\n", "\n"+indent)
		}
		fmt.Fprintln(w, text)
	}
	printer := func(w func() io.Writer) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			print(w(), vm.format(call.Arguments))
			return goja.Undefined()
		}
	}
	stdout := func() io.Writer { return vm.stdout }
	console := rt.NewObject()
	// Named as Node names them (console.log.bind(console).name is "bound
	// log").
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = console.Set(name, named(rt, rt.ToValue(fn).ToObject(rt), name, -1))
	}
	set("log", printer(stdout))
	set("info", printer(stdout))
	set("debug", printer(stdout))
	set("error", printer(func() io.Writer { return vm.stderr }))
	set("warn", printer(func() io.Writer { return vm.stderr }))
	set("dir", func(call goja.FunctionCall) goja.Value {
		print(vm.stdout, vm.inspect(call.Argument(0), call.Argument(1)))
		return goja.Undefined()
	})
	group := func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) > 0 {
			print(vm.stdout, vm.format(call.Arguments))
		}
		indent += "  "
		return goja.Undefined()
	}
	set("group", group)
	set("groupCollapsed", group)
	set("groupEnd", func(goja.FunctionCall) goja.Value {
		indent = strings.TrimSuffix(indent, "  ")
		return goja.Undefined()
	})
	lazyMembers(rt, console, consoleExtras, goja.FLAG_TRUE, func() *goja.Object {
		return vm.consoleExtras(func(text string) { print(vm.stdout, text) }, func(text string) { print(vm.stderr, text) })
	})
	return console
}

// consoleExtras are the console methods console.js makes, on first use of
// any.
var consoleExtras = []string{"time", "timeEnd", "timeLog", "count", "countReset", "assert", "trace", "table"}

// consoleExtras builds the methods of console.js, printing with log and
// warn as the console's own methods do.
func (vm *VM) consoleExtras(log, warn func(string)) *goja.Object {
	rt := vm.rt
	native := rt.NewObject()
	text := func(f func(string)) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			f(call.Argument(0).String())
			return goja.Undefined()
		}
	}
	_ = native.Set("log", text(log))
	_ = native.Set("warn", text(warn))
	_ = native.Set("warning", vm.emitWarning)
	util := vm.builtin("util", vm.utilModule)
	_ = native.Set("inspect", util.Get("inspect"))
	_ = native.Set("format", util.Get("format"))
	_ = native.Set("now", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(float64(time.Since(processStart).Nanoseconds()) / 1e6)
	})
	return vm.build(program("console.js"), native)
}

// processObject is the run's process, built on first use: most templates
// never read it, and its env is the costliest part of a runtime to make.
// Assigning the global process does not replace it here, as in Node.
func (vm *VM) processObject() *goja.Object {
	if vm.process == nil {
		vm.process = vm.newProcess(vm.setup.Cwd)
	}
	return vm.process
}

// Module is a loaded CommonJS module: its file and what it exports.
type Module struct {
	File    string
	Exports goja.Value
}

// Require loads a script file as CommonJS, once per VM, as Node's require
// would.
func (vm *VM) Require(file string) (*Module, error) {
	defer vm.guard(vm.ctx)()
	// Node knows a module by its real path: a hook or .hygen.js linked
	// into the project (a shared template folder) has its own folder as
	// __dirname and requires from there. Modules that require finds are
	// real already (noderesolve); messages keep naming the file as given.
	real := file
	if r, err := filepath.EvalSymlinks(file); err == nil {
		real = r
	}
	exports, err := vm.catch(func() goja.Value { return vm.loadModule(file, real, nil) })
	if uncaught := vm.drain(); err == nil && uncaught != nil {
		err = fmt.Errorf("%s: %w", file, uncaught)
	}
	if err != nil {
		return nil, err
	}
	return &Module{File: file, Exports: exports}, nil
}

// catch runs f, turning a JavaScript exception into an error. An interrupt
// or a stack overflow becomes its limit error.
func (vm *VM) catch(f func() goja.Value) (v goja.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			var ex *goja.Exception
			switch x := r.(type) {
			case goja.Value:
				err = thrownError(x)
			case error:
				if err = vm.limitError(x); err != nil {
					return
				}
				if !errors.As(x, &ex) {
					panic(r)
				}
				err = thrownError(ex.Value())
			default:
				panic(r)
			}
		}
	}()
	return f(), nil
}

// SyntaxError is a module that does not compile. Thrown into JavaScript
// (by require) it reads "SyntaxError: FILE:LINE: MSG", naming the file that
// failed among those required; Require returns it as itself, so a caller
// that names the file already can put the line beside it instead.
type SyntaxError struct {
	File string
	Line int // 0 when the compiler's text (Msg) gives the place itself
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("SyntaxError: %s:%d: %s", e.File, e.Line, e.Msg)
	}
	return "SyntaxError: " + e.Msg // the compiler's own text, which places it
}

// thrownError is what a JavaScript exception becomes in Go: its text, or
// a *SyntaxError itself.
func thrownError(v goja.Value) error {
	var se *SyntaxError
	if ge := goErrorOf(v); errors.As(ge, &se) {
		return ge
	}
	return errors.New(describe(v))
}

// throw panics with a JavaScript Error carrying err's message.
func (vm *VM) throw(err error) { panic(vm.rt.NewGoError(err)) }

// loadModule evaluates one file (panicking with a JavaScript error, as
// require does) and caches its module; real is its real path (its
// __filename, and where its requires resolve from), and parent the module
// that requires it (nil for a hook's, which hypergen loads).
func (vm *VM) loadModule(file, real string, parent *goja.Object) goja.Value {
	var by goja.Value = goja.Undefined()
	if parent != nil {
		by = parent
	}
	// require.cache is the scripts' to change, as in Node: a module
	// deleted from it is loaded again (loaders of config files reload so),
	// and whatever is put in its place gives its exports, loaded before or
	// not (mocking packages plant modules so).
	if entry := vm.requireCache().Get(file); entry != nil && !goja.IsUndefined(entry) {
		if o, ok := entry.(*goja.Object); ok {
			addChild(by, o, true)
		}
		return entry.ToObject(vm.rt).Get("exports")
	}
	rt := vm.rt
	switch filepath.Ext(file) {
	case ".ts", ".mts", ".cts":
		vm.throw(fmt.Errorf("%s: TypeScript hook files are %w: hypergen has no TypeScript compiler; compile it to a .js file next to it", file, ErrUnsupportedRequire))
	case ".node":
		what := "a native addon"
		if pkg := noderesolve.PackageOf(file); pkg != "" {
			what = fmt.Sprintf("package %q needs a native addon", pkg)
		}
		vm.throw(fmt.Errorf("%s (%s) is compiled code for Node.js itself, %w: hypergen runs JavaScript only", what, file, ErrUnsupportedRequire))
	}
	src, err := regularfile.ReadFile(file)
	if err != nil {
		vm.throw(fmt.Errorf("require: %w", err))
	}
	module := vm.newModule(file, parent)
	forget := func() {
		_ = vm.requireCache().Delete(file)
		removeChild(by, module)
	}
	_ = vm.requireCache().Set(file, module)
	// Node drops a byte order mark (Windows editors write one) before it
	// parses a module as JSON or JavaScript.
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if filepath.Ext(file) == ".json" {
		parse, _ := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("parse"))
		parsed, err := parse(goja.Undefined(), rt.ToValue(string(src)))
		var ex *goja.Exception
		if errors.As(err, &ex) {
			if wide, ok := vm.parseWideJSON(string(src), goja.Undefined()); ok {
				parsed, err = wide, nil
			}
		}
		if err != nil {
			forget()
			panicUncatchable(err)
			vm.throwJSONFault(string(src), file+": ") // Node's error: its require parses with V8
			vm.throw(fmt.Errorf("%s: %v", file, err))
		}
		_ = module.Set("exports", parsed)
		return parsed
	}
	if err := vm.evaluate(module, file, real, string(src)); err != nil {
		forget()
		vm.raise(err)
	}
	_ = module.Set("loaded", true)
	return module.Get("exports")
}

// evaluate runs code, the source of file, as the CommonJS module module:
// real (file's real path) is its __filename and where its requires
// resolve from. It returns what compiling or running the code threw.
func (vm *VM) evaluate(module *goja.Object, file, real, code string) error {
	if strings.HasPrefix(code, "#!") {
		// A hashbang line (a package's bin script) is a comment to Node;
		// goja reads it as a syntax error. Kept as a line comment, the
		// lines keep their numbers.
		code = "//" + code[2:]
	}
	vm.use(featuresOf(code))
	fn, helpers, esModule, err := vm.compileModule(file, code)
	if err != nil {
		return err
	}
	require := vm.requireFunction(vm.resolve(real), module)
	if helpers {
		vm.addSyntaxHelpers(require)
	}
	exports := module.Get("exports")
	this := exports // as Node's: an ES module's is undefined
	if esModule {
		this = goja.Undefined()
	}
	_, err = vm.turn(fn, this, exports, require, module, vm.rt.ToValue(real), vm.rt.ToValue(filepath.Dir(real)))
	return err
}

// raise throws err, which evaluate returned, into the JavaScript that
// required the module: a JavaScript exception as itself, an interrupt or
// a stack overflow as what ends the run.
func (vm *VM) raise(err error) {
	panicUncatchable(err)
	var ex *goja.Exception
	if errors.As(err, &ex) {
		panic(ex.Value())
	}
	vm.throw(err)
}

// throwNotFound throws Node's error for a module id that err says is not
// there (a noderesolve.NotFoundError), which hooks test by its code to
// load optional packages; stack is the files whose requires led to the
// search (requireStack). The last line is hypergen's, for the user who
// sees it. Any other err it leaves.
func (vm *VM) throwNotFound(id string, stack []string, err error) {
	var nf *noderesolve.NotFoundError
	if !errors.As(err, &nf) {
		return
	}
	msg := fmt.Sprintf("Cannot find module '%s'", id)
	if len(stack) > 0 {
		msg += "\nRequire stack:\n- " + strings.Join(stack, "\n- ")
	}
	switch {
	case nf.Package == "" && !strings.HasPrefix(id, ".") && !strings.HasPrefix(id, "#") && !filepath.IsAbs(id):
		above := nf.From
		if len(stack) > 0 {
			above = filepath.Dir(stack[0])
		}
		msg += fmt.Sprintf("\n(package %q is not installed in a node_modules folder above %s: run npm install)", id, above)
	case nf.Reason != "":
		msg += "\n(" + nf.Reason + ")"
	}
	e := vm.nodeError("Error", "MODULE_NOT_FOUND", msg)
	_ = e.Set("requireStack", vm.stringArray(stack))
	panic(e)
}

// requireFunction is the require of the module in file, whose module
// object is module (nil for createRequire's): ids resolve from its folder.
func (vm *VM) requireFunction(file string, module *goja.Object) *goja.Object {
	rt := vm.rt
	requireFn := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.require(file, call.Argument(0).String(), module)
	}).ToObject(rt)
	_ = requireFn.Set("resolve", func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		if _, ok := noderesolve.IsBuiltin(id); ok {
			return rt.ToValue(id) // as written: node:path stays node:path
		}
		if file, replaced := vm.resolveThrough(id, module, call.Argument(1)); replaced {
			return rt.ToValue(file)
		}
		if paths, ok := vm.searchPaths(call.Argument(1)); ok {
			return rt.ToValue(vm.lookupIn(id, paths, vm.stackFrom(file, module)))
		}
		f, err := noderesolve.Resolve(filepath.Dir(file), id, vm.globalPaths)
		vm.throwNotFound(id, vm.stackFrom(file, module), err)
		if err != nil {
			vm.throw(err)
		}
		return rt.ToValue(f)
	})
	_ = requireFn.Set("cache", vm.requireCache())
	lazyProperty(rt, requireFn, "extensions", goja.FLAG_TRUE, func() goja.Value { return vm.moduleClass().Get("_extensions") })
	lazyProperty(rt, requireFn, "main", goja.FLAG_TRUE, vm.mainModule)
	return requireFn
}

// requireCache is require.cache, one object for every module of the
// runtime, as in Node: each module loaded, by its file.
func (vm *VM) requireCache() *goja.Object {
	if vm.cache == nil {
		vm.cache = vm.rt.NewObject()
	}
	return vm.cache
}

// addSyntaxHelpers gives the require of a module that rewriteSyntax
// rewrote what the rewritten code calls (syntaxhelpers.js).
func (vm *VM) addSyntaxHelpers(require *goja.Object) {
	h := vm.build(program("syntaxhelpers.js"), require)
	for _, name := range []string{importHelper, asyncValuesHelper} {
		_ = require.DefineDataProperty(name, h.Get(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}

// mainModule is require.main: in Node, hygen's own entry module, which is
// no hook's module; here one standing for the hypergen executable, for
// packages that find the application from require.main.filename.
func (vm *VM) mainModule() goja.Value {
	if vm.main == nil {
		rt := vm.rt
		vm.main = rt.NewObject()
		exe := executable()
		_ = vm.main.Set("id", ".")
		_ = vm.main.Set("filename", exe)
		_ = vm.main.Set("path", filepath.Dir(exe))
		_ = vm.main.Set("exports", rt.NewObject())
		_ = vm.main.Set("loaded", true)
		_ = vm.main.Set("children", rt.NewArray())
		_ = vm.main.Set("paths", rt.NewArray())
	}
	return vm.main
}

// compileModule compiles a file's source inside the CommonJS wrapper. A
// file that is an ES module (.mjs, a .js file under a package.json of
// "type": "module", or import/export statements that make it fail as a
// script, as Node 20 detects) is rewritten into CommonJS, and so has no
// module, exports or require of CommonJS's: a CommonJS hook in a project
// of "type": "module" fails, as in Node and hygen.
//
// Code that fails to compile for what goja lacks, dynamic import() or for
// await, is rewritten (rewriteSyntax) and compiled again; helpers then
// reports that its require needs the rewrites' helpers, and esModule that
// the file was an ES module.
func (vm *VM) compileModule(file, src string) (fn goja.Callable, helpers, esModule bool, err error) {
	esm := filepath.Ext(file) == ".mjs" || filepath.Ext(file) == ".js" && noderesolve.ModuleScope(file)
	prog, err := compileWrapped(file, cjsWrapperParams, src)
	if err != nil || esm {
		cjs, isESM, esmHelpers, terr := esmToCommonJS(src)
		switch {
		case terr != nil:
			return nil, false, false, fmt.Errorf("%s: ES module: %w", file, terr)
		case isESM || esm:
			prog, err = compileWrapped(file, esmWrapperParams, cjs)
			helpers, esModule = esmHelpers, true
		default:
			if rewritten, ok := rewriteSyntax(src); ok {
				prog, err = compileWrapped(file, cjsWrapperParams, rewritten)
				helpers = true
			}
		}
	}
	if err != nil {
		// The compiler's own errors (a feature goja lacks) carry the
		// prefix and their place already: "SyntaxError: … at FILE:2:1".
		msg := strings.TrimPrefix(err.Error(), "SyntaxError: ")
		if m := syntaxPos().FindStringSubmatch(msg); m != nil {
			// Past the file's last line is the wrapper's closing "})": the
			// file ended inside a block or call, which Node reports so.
			last := strings.Count(src, "\n") + 1
			line, _ := strconv.Atoi(m[1])
			if line > last {
				line, m[2] = last, "Unexpected end of input"
			}
			return nil, false, false, &SyntaxError{File: file, Line: line, Msg: m[2]}
		}
		return nil, false, false, &SyntaxError{File: file, Msg: msg}
	}
	wrapper, err := vm.rt.RunProgram(prog)
	if err != nil {
		return nil, false, false, err
	}
	fn, _ = goja.AssertFunction(wrapper)
	return fn, helpers, esModule, nil
}

// The parameters of a module's function wrapper, which is called with the
// module's exports, require, module, file name and folder: CommonJS's
// names, or, for an ES module rewritten by esmToCommonJS, names of its own.
const (
	cjsWrapperParams = "exports, require, module, __filename, __dirname"
	esmWrapperParams = "__esm_exports, __esm_require, __esm_module, __esm_filename, __esm_dirname"
)

// compileWrapped compiles src in a function wrapper taking params, which
// shares the file's first line so that line numbers match.
func compileWrapped(file, params, src string) (*goja.Program, error) {
	return compileJS(file, "(function ("+params+") {"+src+"\n})")
}

// compileJS compiles a script, first giving its regular expressions the
// Unicode property escapes goja lacks (see uniprop).
func compileJS(name, src string) (*goja.Program, error) {
	src, err := uniprop.Rewrite(src)
	if err != nil {
		return nil, err
	}
	return goja.Compile(name, src, false)
}

// panicUncatchable re-raises an interrupt or stack overflow as itself, so
// that a require() inside try/catch cannot swallow it and keep running.
func panicUncatchable(err error) {
	var intr *goja.InterruptedError
	var so *goja.StackOverflowError
	if errors.As(err, &intr) || errors.As(err, &so) {
		panic(err)
	}
}

// require resolves one require(id) made by the module in file from, whose
// module object is parent (nil for createRequire's).
func (vm *VM) require(from, id string, parent *goja.Object) goja.Value {
	if file, replaced := vm.resolveThrough(id, parent, goja.Undefined()); replaced {
		return vm.loadResolved(from, id, file, parent)
	}
	if name, ok := noderesolve.IsBuiltin(id); ok {
		return vm.coreModule(from, name)
	}
	file, err := noderesolve.Resolve(filepath.Dir(from), id, vm.globalPaths)
	vm.throwNotFound(id, vm.stackFrom(from, parent), err)
	if err != nil {
		vm.throw(fmt.Errorf("require(%q): %w", id, err))
	}
	return vm.loadResolved(from, id, file, parent)
}

// loadResolved loads file, which require(id) in the module of file from
// resolved to, for parent; a script's Module._resolveFilename may have
// resolved it to a core module's name.
func (vm *VM) loadResolved(from, id, file string, parent *goja.Object) goja.Value {
	if name, ok := noderesolve.IsBuiltin(file); ok {
		return vm.coreModule(from, name)
	}
	if id == "enquirer" && noderesolve.PackageOf(file) == "enquirer" {
		return vm.enquirerModule()
	}
	if id == "inquirer" && noderesolve.PackageOf(file) == "inquirer" {
		return vm.inquirerModule()
	}
	return vm.loadModule(file, file, parent)
}

// stackFrom is the require stack of a require made in file by module:
// module's (requireStack), or file alone for createRequire's, which has no
// module.
func (vm *VM) stackFrom(file string, module *goja.Object) []string {
	if module == nil {
		return []string{file}
	}
	return vm.requireStack(module)
}

// coreModule serves require of a Node core module, or says which package
// needs one that hypergen lacks.
func (vm *VM) coreModule(from, name string) goja.Value {
	switch name {
	case "path", "path/posix":
		return vm.helpers.ToObject(vm.rt).Get("path")
	case "fs":
		return vm.builtin(name, vm.fsModule)
	case "fs/promises":
		return vm.builtin("fs", vm.fsModule).Get("promises")
	case "os":
		return vm.builtin(name, vm.osModule)
	case "util":
		return vm.builtin(name, vm.utilModule)
	case "sys": // util's old name, which old packages still require
		if !vm.sysWarned {
			vm.sysWarned = true
			emit, _ := goja.AssertFunction(vm.processObject().Get("emitWarning"))
			_, _ = emit(goja.Undefined(), vm.rt.ToValue("sys is deprecated. Use util instead."), vm.rt.ToValue("DeprecationWarning"), vm.rt.ToValue("DEP0025"))
		}
		return vm.builtin("util", vm.utilModule)
	case "util/types":
		return vm.builtin("util", vm.utilModule).Get("types")
	case "console":
		return vm.rt.Get("console")
	case "assert":
		return vm.builtin(name, vm.fileModule("assert.js"))
	case "assert/strict":
		return vm.builtin("assert", vm.fileModule("assert.js")).Get("strict")
	case "constants":
		return vm.builtin(name, vm.constantsModule)
	case "querystring":
		return vm.querystringModule()
	case "string_decoder":
		return vm.builtin(name, vm.fileModule("string_decoder.js"))
	case "buffer":
		return vm.bufferModule()
	case "url":
		return vm.builtin(name, vm.urlModule)
	case "child_process":
		return vm.builtin(name, vm.childProcessModule)
	case "crypto":
		return vm.builtin(name, vm.cryptoModule)
	case "tty":
		return vm.builtin(name, vm.ttyModule)
	case "events":
		return vm.builtin(name, vm.fileModule("events.js"))
	case "stream":
		return vm.builtin(name, vm.streamModule)
	case "process":
		return vm.processObject()
	case "timers":
		return vm.timers()
	case "timers/promises":
		return vm.timers().Get("promises")
	case "module":
		return vm.builtin(name, vm.moduleModule)
	}
	who := from
	if pkg := noderesolve.PackageOf(from); pkg != "" {
		who = fmt.Sprintf("package %q (%s)", pkg, from)
	}
	vm.throw(fmt.Errorf("%s needs Node's %q module, which is %w: %s", who, name, ErrUnsupportedRequire, coreHelp))
	return nil
}

// coreHelp lists the core modules hypergen serves.
const coreHelp = "hypergen runs hooks on an embedded JavaScript runtime that provides path, fs (reading), os, util, console, assert, constants, querystring, string_decoder, buffer, url, events, stream (the legacy Stream class), crypto (random values, hashes, HMACs and getRandomValues), tty, timers, child_process and module (createRequire, builtinModules, globalPaths, _resolveFilename)"

// fsPath is the file a fs call names, as the system reads it from the
// working folder of the code (Setup.Cwd), not cleaned as resolve's is:
// Node hands fs paths to the system as they are, so "link/../f" goes
// through the folder the link leads to, and "missing/../f" fails. An empty
// path names none, and the call fails with ENOENT as Node's does.
func (vm *VM) fsPath(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return vm.setup.Cwd + string(filepath.Separator) + p
}

func (vm *VM) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	r := filepath.Join(vm.setup.Cwd, p)
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator)) {
		// Kept: a trailing slash asks for a folder ("file/" does not
		// exist), and Join would drop it.
		r += string(filepath.Separator)
	}
	return r
}

// Await settles v as JavaScript's await does: a promise, or any object
// with a then method (a "thenable", which await adopts too). The job queue
// has already run when control returns to Go; a promise still pending
// waits for the queued tasks (timers) to run, and one that is pending when
// none is left can never settle (hypergen has no delayed timers or I/O
// events).
func (vm *VM) Await(v goja.Value) (goja.Value, error) {
	if v == nil {
		return goja.Undefined(), nil
	}
	p, ok := v.Export().(*goja.Promise)
	if obj, isObj := v.(*goja.Object); !ok && isObj {
		if _, thenable := goja.AssertFunction(obj.Get("then")); !thenable {
			return v, nil
		}
		// Promise.resolve adopts it; its then runs in the job queue, which
		// has run when the call returns.
		resolve, _ := goja.AssertFunction(vm.rt.Get("Promise").ToObject(vm.rt).Get("resolve"))
		adopted, err := resolve(vm.rt.Get("Promise"), v)
		if err != nil {
			return nil, err
		}
		p, ok = adopted.Export().(*goja.Promise)
	}
	if !ok {
		return v, nil
	}
	vm.runTasks(func() bool { return p.State() != goja.PromiseStatePending })
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return p.Result(), nil
	case goja.PromiseStateRejected:
		vm.handled(p) // its rejection is this error
		if ge := goErrorOf(p.Result()); ge != nil {
			return nil, ge
		}
		return nil, &rejection{value: p.Result()}
	}
	return nil, errors.New("the promise it returned never settled (hypergen runs no delayed timers or I/O events)")
}

// rejection is a promise's rejection, described as a thrown value is, and
// keeping the value for what reads its properties (an exec's stderr).
type rejection struct{ value goja.Value }

func (r *rejection) Error() string { return describe(r.value) }
