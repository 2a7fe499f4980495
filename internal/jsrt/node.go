package jsrt

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

// RunOptions are what one generation run tells its scripts about itself.
type RunOptions struct {
	// Args is the command line as hygen receives it (after the program
	// name); hooks see it as process.argv.slice(2).
	Args []string
	// DenyChildProcess refuses child_process calls in hooks, as sh:
	// frontmatter is refused, for runs requested by other processes.
	DenyChildProcess bool
}

// argv is process.argv shaped as Node's: the runtime, the script, then the
// arguments. hypergen is both the runtime and the script.
func (vm *VM) argv() goja.Value {
	exe := executable()
	items := []any{exe, exe}
	for _, a := range vm.setup.Run.Args {
		items = append(items, a)
	}
	return vm.rt.NewArray(items...)
}

// NodeVersion is the Node release whose behaviour the runtime follows: the
// one the differential suite compares hypergen with.
const NodeVersion = "20.20.2"

// newProcess builds the process global: argv, env, cwd(), platform and
// output streams; exit is refused, since a hook that ended the process would
// end hypergen (and the agent) with it.
func (vm *VM) newProcess(cwd string) *goja.Object {
	rt := vm.rt
	process := rt.NewObject()
	env := newNodeEnv(rt, vm.given())
	_ = process.Set("argv", vm.argv())
	_ = process.Set("argv0", "node")
	_ = process.Set("execPath", executable())
	_ = process.Set("env", env)
	_ = process.Set("cwd", func(goja.FunctionCall) goja.Value { return rt.ToValue(cwd) })
	_ = process.Set("platform", runtime.GOOS)
	// Hooks that check the Node version (to pick an API, or to refuse an
	// old one) see the version whose behaviour hypergen follows.
	_ = process.Set("version", "v"+NodeVersion)
	versions := rt.NewObject()
	_ = versions.Set("node", NodeVersion)
	_ = process.Set("versions", versions)
	_ = process.Set("arch", nodeArch())
	_ = process.Set("pid", os.Getpid())
	_ = process.Set("ppid", os.Getppid())
	_ = process.Set("exit", func(call goja.FunctionCall) goja.Value {
		panic(rt.NewGoError(fmt.Errorf("process.exit(%s) is %w: it would end hypergen itself; return from the hook, or throw an Error to fail the run", call.Argument(0), ErrUnsupportedRequire)))
	})
	// Not terminals (what a hook prints may be held, or go to an agent's
	// client): isTTY is left undefined, as Node leaves it for a pipe.
	stream := func(fd int, w func() io.Writer) *goja.Object {
		s := rt.NewObject()
		// write(chunk[, encoding][, callback]): text or bytes, as Node
		// takes them; the callback runs once the code running now is done.
		_ = s.Set("write", func(call goja.FunctionCall) goja.Value {
			chunk, enc := call.Argument(0), call.Argument(1)
			if _, isCallback := goja.AssertFunction(enc); isCallback || !goja.IsString(enc) {
				enc = goja.Undefined()
			}
			var b []byte
			switch bytes, isBytes := vm.bufferBytes(chunk); {
			case goja.IsString(chunk):
				b = vm.bytesOf(chunk, enc)
			case isBytes:
				b = bytes
			default:
				panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE",
					`The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received `+received(chunk)))
			}
			_, _ = w().Write(b)
			if last := len(call.Arguments) - 1; last > 0 {
				if cb, isCallback := goja.AssertFunction(call.Arguments[last]); isCallback {
					vm.queue(cb)
				}
			}
			return rt.ToValue(true)
		})
		_ = s.Set("fd", fd)
		_ = s.Set("writable", true)
		return s
	}
	_ = process.Set("stdout", stream(1, func() io.Writer { return vm.stdout }))
	_ = process.Set("stderr", stream(2, func() io.Writer { return vm.stderr }))
	_ = process.Set("emitWarning", vm.emitWarning)
	lazyMembers(rt, process, processExtras, goja.FLAG_TRUE, vm.processExtras)
	return process
}

// processExtras are the members process.js makes, on first use of any.
var processExtras = []string{"nextTick", "hrtime", "uptime", "memoryUsage", "cpuUsage", "umask", "getuid", "geteuid",
	"getgid", "getegid", "getgroups", "chdir", "kill", "abort", "on", "once", "off", "addListener", "removeListener",
	"removeAllListeners", "prependListener", "prependOnceListener", "emit", "listeners", "rawListeners", "listenerCount",
	"eventNames", "setMaxListeners", "getMaxListeners", "execArgv", "title", "release", "features", "config", "stdin"}

// processExtras builds the members of process.js, with the Go functions it
// reads the process through.
func (vm *VM) processExtras() *goja.Object {
	rt := vm.rt
	native := rt.NewObject()
	_ = native.Set("nanoseconds", func(goja.FunctionCall) goja.Value { return rt.ToValue(float64(time.Since(processStart))) })
	_ = native.Set("memoryUsage", func(goja.FunctionCall) goja.Value {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		out := rt.NewObject()
		_ = out.Set("rss", residentBytes(m.Sys))
		_ = out.Set("heapTotal", m.HeapSys)
		_ = out.Set("heapUsed", m.HeapAlloc)
		_ = out.Set("external", 0)
		_ = out.Set("arrayBuffers", 0)
		return out
	})
	_ = native.Set("cpuUsage", func(goja.FunctionCall) goja.Value {
		user, system := cpuMicroseconds()
		out := rt.NewObject()
		_ = out.Set("user", user)
		_ = out.Set("system", system)
		return out
	})
	_ = native.Set("umask", func(goja.FunctionCall) goja.Value { return rt.ToValue(currentUmask()) })
	_ = native.Set("ids", func(goja.FunctionCall) goja.Value {
		out := rt.NewObject()
		_ = out.Set("getuid", os.Getuid())
		_ = out.Set("geteuid", os.Geteuid())
		_ = out.Set("getgid", os.Getgid())
		_ = out.Set("getegid", os.Getegid())
		groups, _ := os.Getgroups()
		_ = out.Set("groups", groups)
		return out
	})
	_ = native.Set("callBack", vm.callBackFn)
	_ = native.Set("queueTick", vm.queueTick)
	_ = native.Set("runTicks", vm.runTicksFn)
	_ = native.Set("refuse", vm.refuse)
	return vm.build(program("process.js"), vm.builtin("events", vm.fileModule("events.js")).Get("EventEmitter"), native)
}

// refuse is refuse(what, why) for the JavaScript halves of modules: an
// error saying that what is not available in hypergen, and why.
func (vm *VM) refuse(call goja.FunctionCall) goja.Value {
	panic(vm.rt.NewGoError(fmt.Errorf("%s is %w: %s", call.Argument(0), ErrUnsupportedRequire, call.Argument(1))))
}

// processStart is when the process started, as near as Go tells:
// process.hrtime and process.uptime count from it.
var processStart = time.Now()

// named gives a function made in Go the name (and, when length is not
// negative, the length) JavaScript shows for it: goja names it after its Go
// closure, which error messages, util.inspect and fn.name would print.
func named(rt *goja.Runtime, fn *goja.Object, name string, length int) *goja.Object {
	// Not enumerable, configurable, as a function's own name and length
	// are: Object.assign(wrapper, path.join) copied them and threw on the
	// wrapper's read-only length.
	_ = fn.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if length >= 0 {
		_ = fn.DefineDataProperty("length", rt.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return fn
}

// executable is this program's path, looked up once: every VM's process
// needs it.
var executable = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "hypergen"
	}
	return exe
})

// nodeArch names the architecture as Node's process.arch does.
func nodeArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return runtime.GOARCH
}

// lazyGlobal defines a global that is built the first time a script reads
// it, so runs that never touch it pay nothing.
func (vm *VM) lazyGlobal(name string, build func() goja.Value) {
	lazyProperty(vm.rt, vm.rt.GlobalObject(), name, goja.FLAG_FALSE, build)
}

// lazyProperty defines obj[name] as a value built the first time a script
// reads it (an accessor that keeps what it built, or what a script assigns),
// so runtimes that never read it do not pay for building it.
func lazyProperty(rt *goja.Runtime, obj *goja.Object, name string, enumerable goja.Flag, build func() goja.Value) {
	var v goja.Value
	get := rt.ToValue(func(goja.FunctionCall) goja.Value {
		if v == nil {
			v = build()
		}
		return v
	})
	set := rt.ToValue(func(call goja.FunctionCall) goja.Value {
		v = call.Argument(0)
		return goja.Undefined()
	})
	_ = obj.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, enumerable)
}

// lazyMembers defines names on obj as lazy properties (lazyProperty) whose
// values are the members of one object, built on first use of any.
func lazyMembers(rt *goja.Runtime, obj *goja.Object, names []string, enumerable goja.Flag, build func() *goja.Object) {
	var from *goja.Object
	for _, name := range names {
		lazyProperty(rt, obj, name, enumerable, func() goja.Value {
			if from == nil {
				from = build()
			}
			return from.Get(name)
		})
	}
}

// bufferModule is Node's buffer module: goja_nodejs's implementation, plus
// the two static functions it lacks that packages commonly call.
func (vm *VM) bufferModule() *goja.Object {
	return vm.builtin("buffer", func(module *goja.Object) {
		rt := vm.rt
		buffer.Require(rt, module)
		ctor := module.Get("exports").ToObject(rt).Get("Buffer").ToObject(rt)
		_ = ctor.Set("isBuffer", func(call goja.FunctionCall) goja.Value {
			o, ok := call.Argument(0).(*goja.Object)
			return rt.ToValue(ok && rt.InstanceOf(o, ctor))
		})
		_ = ctor.Set("byteLength", func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(len(buffer.DecodeBytes(rt, call.Argument(0), call.Argument(1))))
		})
		extend, err := vm.rt.RunProgram(program("buffer.js"))
		if err != nil {
			vm.throw(err)
		}
		native := rt.NewObject()
		// search(haystack, needle, start, forward): where needle is, from
		// start on (forward) or at start or before; -1 if nowhere. In Go: a
		// search in JavaScript took seconds on a few megabytes.
		_ = native.Set("search", func(call goja.FunctionCall) goja.Value {
			hay, _ := vm.bufferBytes(call.Argument(0))
			needle, _ := vm.bufferBytes(call.Argument(1))
			start, forward := int(call.Argument(2).ToInteger()), call.Argument(3).ToBoolean()
			if forward {
				if start > len(hay) {
					return rt.ToValue(-1)
				}
				if i := bytes.Index(hay[start:], needle); i >= 0 {
					return rt.ToValue(start + i)
				}
				return rt.ToValue(-1)
			}
			return rt.ToValue(bytes.LastIndex(hay[:min(start+len(needle), len(hay))], needle))
		})
		_ = native.Set("warning", vm.emitWarning)
		_ = native.Set("fromNodeModules", vm.fromNodeModules)
		if fn, _ := goja.AssertFunction(extend); fn != nil {
			exported, err := fn(goja.Undefined(), ctor, native)
			if err != nil {
				vm.throw(err)
			}
			_ = module.Get("exports").ToObject(rt).Set("Buffer", exported)
			vm.showAsTarget(exported)
		}
		// goja_nodejs names the constructor after its Go method, which
		// util.inspect and error messages would show.
		_ = ctor.DefineDataProperty("name", rt.ToValue("Buffer"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		// JSON.stringify(buffer) is {"type":"Buffer","data":[…]} in Node.
		_ = ctor.Get("prototype").ToObject(rt).DefineDataProperty("toJSON", rt.ToValue(func(call goja.FunctionCall) goja.Value {
			b, _ := vm.bufferBytes(call.This)
			data := make([]any, len(b))
			for i, c := range b {
				data[i] = int(c)
			}
			out := rt.NewObject()
			_ = out.Set("type", "Buffer")
			_ = out.Set("data", rt.NewArray(data...))
			return out
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	})
}

// fromNodeModules is native.fromNodeModules() for buffer.js: whether the
// code that called into it is a package's, under a node_modules folder, as
// Node tells before it warns of a deprecated call.
func (vm *VM) fromNodeModules(goja.FunctionCall) goja.Value {
	for _, f := range vm.rt.CaptureCallStack(0, nil) {
		switch f.SrcName() {
		case "<native>", "buffer.js", "stack.js", "turn.js":
			continue
		}
		return vm.rt.ToValue(nodeModulesPath.MatchString(f.SrcName()))
	}
	return vm.rt.ToValue(false)
}

// nodeModulesPath matches a file under a node_modules folder.
var nodeModulesPath = regexp.MustCompile(`[\\/]node_modules[\\/]`)

// builtin returns a core module, building it once per VM.
func (vm *VM) builtin(name string, build func(module *goja.Object)) *goja.Object {
	if m, ok := vm.builtins[name]; ok {
		return m
	}
	module := vm.rt.NewObject()
	_ = module.Set("exports", vm.rt.NewObject())
	build(module)
	exports := module.Get("exports").ToObject(vm.rt)
	nameGoFunctions(vm.rt, exports)
	vm.builtins[name] = exports
	return exports
}

// nameGoFunctions gives the functions of a module made in Go the names of
// the properties that hold them: goja names one after its Go closure
// (fs.readFileSync.name was "github.com/…(*VM).fsModule.func2"), which
// error messages, util.inspect and fn.name print.
func nameGoFunctions(rt *goja.Runtime, exports *goja.Object) {
	for _, key := range exports.Keys() {
		fn, ok := exports.Get(key).(*goja.Object)
		if !ok {
			continue
		}
		if _, callable := goja.AssertFunction(fn); callable && strings.HasPrefix(fn.Get("name").String(), "github.com/") {
			named(rt, fn, key, -1)
		}
	}
}

// osModule is the part of Node's os that describes the machine.
func (vm *VM) osModule(module *goja.Object) {
	rt := vm.rt
	o := module.Get("exports").ToObject(rt)
	_ = o.Set("EOL", "\n")
	_ = o.Set("platform", func(goja.FunctionCall) goja.Value { return rt.ToValue(runtime.GOOS) })
	_ = o.Set("type", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(strings.ToUpper(runtime.GOOS[:1]) + runtime.GOOS[1:])
	})
	_ = o.Set("arch", func(goja.FunctionCall) goja.Value { return rt.ToValue(nodeArch()) })
	_ = o.Set("endianness", func(goja.FunctionCall) goja.Value { return rt.ToValue("LE") })
	// Node reads HOME and TMPDIR at each call, from process.env: a hook
	// that sets them sees its own values.
	_ = o.Set("homedir", func(goja.FunctionCall) goja.Value {
		if h := vm.liveEnv("HOME"); h != "" {
			return rt.ToValue(h)
		}
		h, _ := os.UserHomeDir()
		return rt.ToValue(h)
	})
	_ = o.Set("tmpdir", func(goja.FunctionCall) goja.Value {
		dir := cmp.Or(vm.liveEnv("TMPDIR"), vm.liveEnv("TMP"), vm.liveEnv("TEMP"), "/tmp")
		if len(dir) > 1 && strings.HasSuffix(dir, "/") {
			dir = dir[:len(dir)-1] // as Node trims TMPDIR=/tmp/
		}
		return rt.ToValue(dir)
	})
	_ = o.Set("hostname", func(goja.FunctionCall) goja.Value {
		h, _ := os.Hostname()
		return rt.ToValue(h)
	})
	_ = o.Set("cpus", func(goja.FunctionCall) goja.Value {
		cpus := make([]any, runtime.NumCPU())
		for i := range cpus {
			c := rt.NewObject()
			_ = c.Set("model", "")
			_ = c.Set("speed", 0)
			cpus[i] = c
		}
		return rt.NewArray(cpus...)
	})
	_ = o.Set("userInfo", func(goja.FunctionCall) goja.Value { return vm.userInfo() })
	// uname's fields stay as they are while the process runs; memory, uptime
	// and load are read at each call.
	m, _ := machineInfo()
	now := func() machine {
		m, _ := machineInfo()
		return m
	}
	_ = o.Set("release", func() string { return m.release })
	_ = o.Set("version", func() string { return m.version })
	_ = o.Set("machine", func() string { return m.arch })
	_ = o.Set("totalmem", func() uint64 { return now().total })
	_ = o.Set("freemem", func() uint64 { return now().free })
	_ = o.Set("uptime", func() float64 { return now().uptime })
	_ = o.Set("loadavg", func() []any {
		l := now().load
		return []any{l[0], l[1], l[2]}
	})
	_ = o.Set("networkInterfaces", func(goja.FunctionCall) goja.Value { return vm.networkInterfaces() })
	_ = o.Set("availableParallelism", func() int { return runtime.GOMAXPROCS(0) })
	_ = o.Set("devNull", os.DevNull)
	constants := rt.NewObject()
	_ = constants.Set("signals", vm.objectOf(osSignals()))
	_ = constants.Set("errno", vm.objectOf(osErrnos()))
	_ = o.Set("constants", constants)
}

// userInfo is os.userInfo(): this user's entry in the password database,
// as Node reads it with getpwuid_r, its keys in Node's order. Without an
// entry (a container's user that /etc/passwd does not list) Node throws;
// hypergen answers from USER or LOGNAME, HOME and SHELL instead.
func (vm *VM) userInfo() goja.Value {
	u, ok := passwdEntry()
	if !ok {
		u = account{uid: os.Getuid(), gid: os.Getgid(), shell: os.Getenv("SHELL")}
		u.home, _ = os.UserHomeDir()
		for _, k := range []string{"USER", "LOGNAME"} {
			if u.name == "" {
				u.name = os.Getenv(k)
			}
		}
	}
	o := vm.rt.NewObject()
	_ = o.Set("uid", u.uid)
	_ = o.Set("gid", u.gid)
	_ = o.Set("username", u.name)
	_ = o.Set("homedir", u.home)
	if u.shell == "" && runtime.GOOS == "windows" {
		_ = o.Set("shell", goja.Null())
	} else {
		_ = o.Set("shell", u.shell)
	}
	return o
}

// machine is what the os module reports of the machine (machineInfo).
type machine struct {
	release, version, arch string
	total, free            uint64
	uptime                 float64
	load                   [3]float64
}

// account is a user's entry in the password database.
type account struct {
	uid, gid          int
	name, home, shell string
}

// emitWarning is process.emitWarning(warning, type or options, code):
// the line Node prints on stderr, with its hint after the first warning.
func (vm *VM) emitWarning(call goja.FunctionCall) goja.Value {
	warning := call.Argument(0)
	kind, code := "Warning", ""
	if opts, ok := call.Argument(1).(*goja.Object); ok {
		if t := opts.Get("type"); t != nil && !goja.IsUndefined(t) {
			kind = t.String()
		}
		if c := opts.Get("code"); c != nil && !goja.IsUndefined(c) {
			code = c.String()
		}
	} else {
		if t := call.Argument(1); !goja.IsUndefined(t) {
			kind = t.String()
		}
		if c := call.Argument(2); !goja.IsUndefined(c) {
			code = c.String()
		}
	}
	msg := warning.String()
	if e, ok := warning.(*goja.Object); ok && !goja.IsUndefined(e.Get("message")) && e.Get("message") != nil {
		if n := e.Get("name"); n != nil && !goja.IsUndefined(n) {
			kind = n.String()
		}
		msg = e.Get("message").String()
	}
	if code != "" {
		code = "[" + code + "] "
	}
	fmt.Fprintf(vm.stderr, "(node:%d) %s%s: %s\n", os.Getpid(), code, kind, msg)
	if !vm.warned {
		vm.warned = true
		flag := "--trace-warnings"
		if kind == "DeprecationWarning" {
			flag = "--trace-deprecation"
		}
		fmt.Fprintf(vm.stderr, "(Use `node %s ...` to show where the warning was created)\n", flag)
	}
	return goja.Undefined()
}
