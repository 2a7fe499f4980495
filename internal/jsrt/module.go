package jsrt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// Scripts are the project's own JavaScript that hygen runs in Node: the
// .hygen.js configuration and action hook files. They run here as CommonJS
// modules on the VM, with what such files commonly use from Node: require of
// "path", a read-only "fs", relative .js/.cjs/.json files, and the globals
// console and process. Anything else (npm packages, network, child
// processes) cannot work without Node.js and fails with a message saying so.

// ErrUnsupportedRequire is wrapped by errors from require calls that cannot
// be served.
var ErrUnsupportedRequire = errors.New("not available in hypergen")

// requireHelp tells the user what require can load here.
const requireHelp = `hypergen runs hooks and .hygen.js on an embedded JavaScript runtime without Node.js or node_modules; it provides "path", "fs" (reading only) and relative .js, .cjs and .json files`

// SetOutput sends console.log (out) and console.error/warn (errOut) of
// scripts and templates to these writers; by default they are discarded.
func (vm *VM) SetOutput(out, errOut io.Writer) {
	vm.stdout, vm.stderr = out, errOut
}

// installGlobals adds the Node globals scripts commonly touch.
func (vm *VM) installGlobals(cwd string) {
	rt := vm.rt
	printer := func(w func() io.Writer) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = a.String()
			}
			fmt.Fprintln(w(), strings.Join(parts, " "))
			return goja.Undefined()
		}
	}
	console := rt.NewObject()
	_ = console.Set("log", printer(func() io.Writer { return vm.stdout }))
	_ = console.Set("info", printer(func() io.Writer { return vm.stdout }))
	_ = console.Set("error", printer(func() io.Writer { return vm.stderr }))
	_ = console.Set("warn", printer(func() io.Writer { return vm.stderr }))
	_ = rt.Set("console", console)

	process := rt.NewObject()
	env := rt.NewObject()
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			_ = env.Set(k, v)
		}
	}
	_ = process.Set("env", env)
	_ = process.Set("cwd", func(goja.FunctionCall) goja.Value { return rt.ToValue(cwd) })
	_ = process.Set("platform", "linux")
	_ = rt.Set("process", process)
}

// Module is a loaded CommonJS module: its file and what it exports.
type Module struct {
	File    string
	Exports goja.Value
}

// Require loads a script file as CommonJS, once per VM, as Node's require
// would.
func (vm *VM) Require(file string) (*Module, error) {
	exports, err := vm.catch(func() goja.Value { return vm.requireFile(file) })
	if err != nil {
		return nil, err
	}
	return &Module{File: file, Exports: exports}, nil
}

// catch runs f, turning a JavaScript exception into an error.
func (vm *VM) catch(f func() goja.Value) (v goja.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case *goja.Exception:
				err = errors.New(describe(x.Value()))
			case goja.Value:
				err = errors.New(describe(x))
			default:
				panic(r)
			}
		}
	}()
	return f(), nil
}

// requireFile evaluates one file (panicking with a JavaScript error, as
// require does) and caches its exports.
func (vm *VM) requireFile(file string) goja.Value {
	if m, ok := vm.modules[file]; ok {
		return m.Get("exports")
	}
	rt := vm.rt
	switch filepath.Ext(file) {
	case ".ts", ".mts", ".cts":
		panic(rt.NewGoError(fmt.Errorf("%s: TypeScript hook files are %w: hypergen has no TypeScript compiler; compile it to a .js file next to it", file, ErrUnsupportedRequire)))
	}
	src, err := os.ReadFile(file)
	if err != nil {
		panic(rt.NewGoError(fmt.Errorf("require: %w", err)))
	}
	module := rt.NewObject()
	exports := rt.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("filename", file)
	vm.modules[file] = module
	if filepath.Ext(file) == ".json" {
		parse, _ := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("parse"))
		parsed, err := parse(goja.Undefined(), rt.ToValue(string(src)))
		if err != nil {
			delete(vm.modules, file)
			panic(rt.NewGoError(fmt.Errorf("%s: %v", file, err)))
		}
		_ = module.Set("exports", parsed)
		return parsed
	}
	// The wrapper shares the file's first line, so line numbers match.
	prog, err := goja.Compile("", "(function (exports, require, module, __filename, __dirname) {"+string(src)+"\n})", false)
	if err != nil {
		delete(vm.modules, file)
		msg := err.Error()
		if m := syntaxPos.FindStringSubmatch(msg); m != nil {
			msg = file + ":" + m[1] + ": " + m[2]
		}
		panic(rt.NewGoError(fmt.Errorf("SyntaxError: %s", msg)))
	}
	wrapper, err := rt.RunProgram(prog)
	if err != nil {
		delete(vm.modules, file)
		panic(rt.NewGoError(err))
	}
	fn, _ := goja.AssertFunction(wrapper)
	dir := filepath.Dir(file)
	require := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.require(dir, call.Argument(0).String())
	})
	if _, err := fn(module, exports, require, module, rt.ToValue(file), rt.ToValue(dir)); err != nil {
		delete(vm.modules, file)
		var ex *goja.Exception
		if errors.As(err, &ex) {
			panic(ex.Value())
		}
		panic(rt.NewGoError(err))
	}
	return module.Get("exports")
}

// require resolves one require(id) made from a module in dir.
func (vm *VM) require(dir, id string) goja.Value {
	switch strings.TrimPrefix(id, "node:") {
	case "path", "path/posix":
		return vm.helpers.ToObject(vm.rt).Get("path")
	case "fs":
		return vm.readOnlyFS()
	}
	if !strings.HasPrefix(id, "./") && !strings.HasPrefix(id, "../") && !filepath.IsAbs(id) {
		panic(vm.rt.NewGoError(fmt.Errorf("require(%q) is %w: %s", id, ErrUnsupportedRequire, requireHelp)))
	}
	base := id
	if !filepath.IsAbs(base) {
		base = filepath.Join(dir, id)
	}
	for _, c := range []string{base, base + ".js", base + ".cjs", base + ".json", filepath.Join(base, "index.js")} {
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			return vm.requireFile(c)
		}
	}
	panic(vm.rt.NewGoError(fmt.Errorf("require(%q): cannot find module %s", id, base)))
}

// readOnlyFS is the part of Node's fs a hook may use to look at the project.
// Writing is refused: files are written by templates, through the plan, so
// that a failing run writes nothing.
func (vm *VM) readOnlyFS() goja.Value {
	rt := vm.rt
	fs := rt.NewObject()
	path := func(call goja.FunctionCall) string { return vm.resolve(call.Argument(0).String()) }
	_ = fs.Set("existsSync", func(call goja.FunctionCall) goja.Value {
		_, err := os.Stat(path(call))
		return rt.ToValue(err == nil)
	})
	_ = fs.Set("readFileSync", func(call goja.FunctionCall) goja.Value {
		b, err := os.ReadFile(path(call))
		if err != nil {
			panic(rt.NewGoError(err))
		}
		// A string where Node gives a Buffer without an encoding: both
		// print, compare and JSON.parse the same for text files.
		return rt.ToValue(string(b))
	})
	_ = fs.Set("readdirSync", func(call goja.FunctionCall) goja.Value {
		entries, err := os.ReadDir(path(call))
		if err != nil {
			panic(rt.NewGoError(err))
		}
		names := make([]any, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
		}
		return rt.NewArray(names...)
	})
	for _, name := range []string{"writeFileSync", "appendFileSync", "mkdirSync", "rmSync", "unlinkSync", "renameSync", "copyFileSync", "writeFile", "appendFile", "mkdir", "rm", "unlink", "rename"} {
		_ = fs.Set(name, func(goja.FunctionCall) goja.Value {
			panic(rt.NewGoError(fmt.Errorf("fs.%s is %w: hooks may only read files; write files with templates (to:), so that hypergen can plan every write", name, ErrUnsupportedRequire)))
		})
	}
	return fs
}

func (vm *VM) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(vm.cwd, p)
}

// Await settles v when it is a promise: the job queue has already run when
// control returned to Go, so a promise that is still pending can never
// settle (hypergen has no timers or I/O events).
func Await(v goja.Value) (goja.Value, error) {
	if v == nil {
		return goja.Undefined(), nil
	}
	p, ok := v.Export().(*goja.Promise)
	if !ok {
		return v, nil
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return p.Result(), nil
	case goja.PromiseStateRejected:
		return nil, errors.New(describe(p.Result()))
	}
	return nil, errors.New("the promise it returned never settled (hypergen runs no timers or I/O events)")
}
