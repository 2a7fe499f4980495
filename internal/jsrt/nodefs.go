package jsrt

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// fsWrites are the fs functions that change the disk; hooks may not call
// them: files are written by templates, through the plan, so that a failing
// run writes nothing and a dry run writes nothing at all.
var fsWrites = []string{"writeFile", "appendFile", "mkdir", "mkdtemp", "rm", "rmdir", "unlink", "rename",
	"copyFile", "cp", "symlink", "link", "chmod", "chown", "truncate", "utimes", "open", "createWriteStream"}

// fsModule is the reading half of Node's fs, synchronous and promise forms.
func (vm *VM) fsModule(module *goja.Object) {
	rt := vm.rt
	o := module.Get("exports").ToObject(rt)
	sync := map[string]func(goja.FunctionCall) goja.Value{
		"existsSync": func(call goja.FunctionCall) goja.Value {
			// Node answers false, never an error: for "" and for what is not a path.
			p, ok := vm.pathString(call.Argument(0))
			if !ok || p == "" {
				return rt.ToValue(false)
			}
			_, err := os.Stat(vm.fsPath(p))
			return rt.ToValue(err == nil)
		},
		"readFileSync": func(call goja.FunctionCall) goja.Value {
			if goja.IsNumber(call.Argument(0)) {
				// The rest of an open file, from where it was read to.
				_, f := vm.fdArg("fstat", call.Argument(0))
				enc := vm.encodingOption(call.Argument(1))
				b, err := io.ReadAll(f)
				if err != nil {
					panic(vm.fsError("read", "", err))
				}
				return vm.encoded(b, enc)
			}
			p := vm.pathArg(call, 0)
			enc := vm.encodingOption(call.Argument(1))
			b, err := vm.readFile(p)
			if errors.Is(err, syscall.EISDIR) {
				panic(vm.fsError("read", "", err)) // the open succeeds, as in Node
			}
			if err != nil {
				panic(vm.fsError("open", p, err))
			}
			return vm.encoded(b, enc)
		},
		"readdirSync": func(call goja.FunctionCall) goja.Value {
			p := vm.pathArg(call, 0)
			dirents := optionTrue(call.Argument(1), "withFileTypes")
			return rt.NewArray(vm.readdir(p, dirents, optionTrue(call.Argument(1), "recursive"))...)
		},
		"statSync":  vm.statFunc("stat", os.Stat),
		"lstatSync": vm.statFunc("lstat", os.Lstat),
		"realpathSync": func(call goja.FunctionCall) goja.Value {
			p := vm.pathArg(call, 0)
			// Node's realpathSync resolves the path lexically first ("link/.."
			// is the working folder); '' is the working folder too.
			abs := vm.resolve(p)
			real, err := filepath.EvalSymlinks(abs)
			if err != nil {
				if op, at, cause := realpathFault(abs); cause != nil {
					panic(vm.fsError(op, at, cause))
				}
				panic(vm.fsError("realpath", p, err))
			}
			return rt.ToValue(real)
		},
		"accessSync": func(call goja.FunctionCall) goja.Value {
			p := vm.pathArg(call, 0)
			if _, err := os.Stat(vm.fsPath(p)); err != nil {
				panic(vm.fsError("access", p, err))
			}
			return goja.Undefined()
		},
		"readlinkSync": func(call goja.FunctionCall) goja.Value {
			p := vm.pathArg(call, 0)
			target, err := os.Readlink(vm.fsPath(p))
			if err != nil {
				panic(vm.fsError("readlink", p, err))
			}
			return rt.ToValue(target)
		},
	}
	promises := rt.NewObject()
	for name, fn := range sync {
		_ = o.Set(name, fn)
		if name == "existsSync" {
			continue
		}
		// fs.promises.readFile and friends: the same work, settled at once.
		base := name[:len(name)-len("Sync")]
		_ = promises.Set(base, func(call goja.FunctionCall) goja.Value {
			return vm.settled(func() goja.Value { return fn(call) })
		})
		// fs.readFile(path, [options], callback), which util.promisify
		// turns into the promise form: the same work, the callback called
		// from the job queue, after the caller's code, as Node calls it
		// after the current tick.
		_ = o.Set(base, vm.callbackForm(base, fn))
	}
	refuse := func(name string) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value { panic(vm.refusedWrite(name)) }
	}
	for _, name := range fsWrites {
		_ = o.Set(name, refuse(name))
		_ = o.Set(name+"Sync", refuse(name+"Sync"))
		_ = promises.Set(name, refuse("promises."+name))
	}
	_ = promises.Set("open", named(rt, rt.ToValue(vm.openHandle).ToObject(rt), "open", -1))
	// The deprecated fs.exists(path, callback): the callback gets the answer
	// alone, after the caller's code.
	vm.installFDs(o)
	_ = o.Set("exists", func(call goja.FunctionCall) goja.Value {
		cb, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "cb" argument must be of type function. Received `+received(call.Argument(1))))
		}
		exists := sync["existsSync"](goja.FunctionCall{Arguments: call.Arguments[:1]})
		p := vm.settled(func() goja.Value { return exists })
		then, _ := goja.AssertFunction(p.ToObject(rt).Get("then"))
		_, _ = then(p, rt.ToValue(func(c goja.FunctionCall) goja.Value { return vm.callBack(cb, c.Argument(0)) }))
		return goja.Undefined()
	})
	// Its callback takes no error, so util.promisify uses the promise form
	// Node gives it: a boolean, never a rejection.
	exists := o.Get("exists").ToObject(rt)
	symbolFor, _ := goja.AssertFunction(rt.Get("Symbol").ToObject(rt).Get("for"))
	custom, _ := symbolFor(goja.Undefined(), rt.ToValue("nodejs.util.promisify.custom"))
	_ = exists.SetSymbol(custom.(*goja.Symbol), func(call goja.FunctionCall) goja.Value {
		return vm.settled(func() goja.Value {
			return sync["existsSync"](goja.FunctionCall{Arguments: call.Arguments[:min(len(call.Arguments), 1)]})
		})
	})
	// The classes of what statSync and readdirSync give, which packages
	// test with instanceof (globby: p.stats instanceof fs.Stats).
	_ = o.Set("Stats", vm.fsClass().stats.Get("constructor"))
	_ = o.Set("Dirent", vm.fsClass().dirent.Get("constructor"))
	_ = o.Set("promises", promises)
	_ = o.Set("constants", vm.objectOf(fsConstants()))
	// Node's realpath via the system call; fs-extra warns when it is missing.
	for _, name := range []string{"realpath", "realpathSync"} {
		_ = o.Get(name).ToObject(rt).Set("native", o.Get(name))
	}
}

// refusedWrite is the error of fs.name, a call that would change the disk.
func (vm *VM) refusedWrite(name string) *goja.Object {
	return vm.rt.NewGoError(fmt.Errorf("fs.%s is %w: hooks may only read files; write files with templates (to:), so that hypergen can plan every write", name, ErrUnsupportedRequire))
}

// callBack calls a Node-style callback from the job queue, as a turn (the
// ticks it queues run as it returns). What it throws would only reject a
// promise nobody holds, so it is kept (VM.uncaught) and fails the hook or
// .hygen.js at its end, as an exception thrown in a callback ends Node's
// run; an interrupt goes on at once.
func (vm *VM) callBack(cb goja.Callable, args ...goja.Value) goja.Value {
	if _, err := vm.turn(cb, goja.Undefined(), args...); err != nil {
		panicUncatchable(err)
		if vm.uncaught == nil {
			vm.uncaught = err
		}
	}
	return goja.Undefined()
}

// drain runs the tasks the call left queued (runTasks), as Node's event
// loop does before its process ends, then returns, and forgets, what ends
// a Node run: an exception a callback threw or, failing that, a promise
// rejected with nothing to handle it (fatal since Node 15: hygen's process
// ends before it writes a file).
func (vm *VM) drain() error {
	vm.runTasks(nil)
	err, rejected := vm.uncaught, vm.rejected
	vm.uncaught, vm.rejected = nil, nil
	switch {
	case err != nil:
		return fmt.Errorf("uncaught exception in a callback: %w", vm.jsError(err, 0))
	case len(rejected) > 0:
		reason := rejected[0].Result()
		return fmt.Errorf("a promise was rejected and nothing handled it: %w", &Error{Msg: describe(reason), Err: goErrorOf(reason)})
	}
	return nil
}

// trackRejection keeps the promises rejected while no handler waits on
// them, and forgets one when a handler is added (goja's tracker is told of
// both, as V8 tells Node).
func (vm *VM) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		vm.rejected = append(vm.rejected, p)
	case goja.PromiseRejectionHandle:
		vm.handled(p)
	}
}

// handled forgets p's rejection: a handler, or Go (VM.Await), took it.
func (vm *VM) handled(p *goja.Promise) {
	vm.rejected = slices.DeleteFunc(vm.rejected, func(q *goja.Promise) bool { return q == p })
}

// encoded is what readFileSync returns for b: a Buffer, or a string in
// encoding enc.
func (vm *VM) encoded(b []byte, enc goja.Value) goja.Value {
	rt := vm.rt
	if e := enc.String(); !goja.IsUndefined(enc) && !bufferDecodes[e] {
		// One of the encodings buffer.js adds: its toString has it.
		buf := buffer.EncodeBytes(rt, b, goja.Undefined()).ToObject(rt)
		toString, _ := goja.AssertFunction(buf.Get("toString"))
		s, err := toString(buf, enc)
		if err != nil {
			panic(err)
		}
		return s
	}
	return buffer.EncodeBytes(rt, b, enc)
}

// encodingOption reads the encoding of readFileSync(path, 'utf8') or
// readFileSync(path, {encoding}); undefined means a Buffer. An encoding
// Node does not know is its TypeError, thrown before the file is opened,
// as Node does.
func (vm *VM) encodingOption(opt goja.Value) goja.Value {
	if obj, ok := opt.(*goja.Object); ok {
		opt = obj.Get("encoding")
	}
	if opt == nil || goja.IsNull(opt) || goja.IsUndefined(opt) {
		return goja.Undefined()
	}
	enc := strings.ToLower(opt.String())
	if !nodeEncodings[enc] {
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'encoding' is invalid encoding. Received "+inspectArg(opt)))
	}
	return vm.rt.ToValue(enc) // Node takes any case; Buffer's decoder only lower
}

// bufferDecodes are the encodings goja_nodejs's Buffer decodes itself.
var bufferDecodes = map[string]bool{"utf8": true, "utf-8": true, "hex": true, "base64": true}

// nodeEncodings are the encodings Node's Buffer knows, lower-cased.
var nodeEncodings = map[string]bool{
	"utf8": true, "utf-8": true, "ascii": true, "latin1": true, "binary": true, "base64": true,
	"base64url": true, "hex": true, "ucs2": true, "ucs-2": true, "utf16le": true, "utf-16le": true,
}

func optionTrue(opt goja.Value, name string) bool {
	obj, ok := opt.(*goja.Object)
	return ok && truthy(obj.Get(name))
}

// readdir lists folder p: names, or Dirents with dirents. With recursive,
// as Node 20 lists them: every folder's entries after those of the folders
// found before it, names relative to p (Dirents name their own folder), and
// the folders that links lead to listed too where names are asked for.
func (vm *VM) readdir(p string, dirents, recursive bool) []any {
	var items []any
	// A folder to list, with its real path (its parent's and its name,
	// unless it was reached through a link) and the folder it was found in.
	type folder struct {
		path, real string
		linked     bool
		parent     *folder
	}
	start := &folder{path: p, real: vm.fsPath(p)}
	if recursive && !dirents {
		if real, err := filepath.EvalSymlinks(start.real); err == nil {
			start.real = real
		}
	}
	// cycle reports whether a link to real leads back to where f was
	// reached from: f's folder or one above it, or a linked folder on the
	// way to f.
	cycle := func(f *folder, real string) bool {
		if f.real == real || strings.HasPrefix(f.real, real+string(filepath.Separator)) {
			return true
		}
		for ; f != nil; f = f.parent {
			if f.linked && f.real == real {
				return true
			}
		}
		return false
	}
	for queue := []*folder{start}; len(queue) > 0; queue = queue[1:] {
		f := queue[0]
		entries, err := os.ReadDir(vm.fsPath(f.path))
		if err != nil {
			panic(vm.fsError("scandir", f.path, err))
		}
		if vm.call != nil && vm.call.Err() != nil {
			// A tree too large to list within the time limit: the runtime
			// raises the interrupt, naming the limit, at its next
			// instruction.
			return nil
		}
		for _, e := range entries {
			sub := filepath.Join(f.path, e.Name())
			switch {
			case dirents:
				items = append(items, vm.dirent(f.path, e.Name(), e.Type()))
			case recursive:
				rel, _ := filepath.Rel(p, sub)
				items = append(items, rel)
			default:
				items = append(items, e.Name())
			}
			if !recursive {
				continue
			}
			if e.IsDir() {
				queue = append(queue, &folder{path: sub, real: filepath.Join(f.real, e.Name()), parent: f})
				continue
			}
			if dirents || e.Type()&fs.ModeSymlink == 0 {
				continue
			}
			// A link to a folder is listed through, unless it leads back to
			// where it was reached from: Node follows such a cycle until it
			// runs out of memory, which here, before the time limit, was
			// gigabytes.
			real, err := filepath.EvalSymlinks(vm.resolve(sub))
			if st, serr := os.Stat(real); err != nil || serr != nil || !st.IsDir() || cycle(f, real) {
				continue
			}
			queue = append(queue, &folder{path: sub, real: real, linked: true, parent: f})
		}
	}
	return items
}

// fsClasses are fs.Stats and fs.Dirent, made once per runtime: their
// isFile(), isDirectory(), … are methods of the prototype, as in Node
// (util.inspect and spreading a Stats show fields only), reading the type
// bits of st_mode: a Stats' mode, a Dirent's own symbol-keyed type.
type fsClasses struct {
	stats, dirent *goja.Object // the prototypes
	direntType    goja.Value   // the symbol a Dirent keeps its type under
}

const fsClassesSource = `(function () {
  const S_IFMT = 0o170000, kType = Symbol('type');
  function Stats() {}
  function Dirent() {}
  const tests = { isFile: 0o100000, isDirectory: 0o040000, isSymbolicLink: 0o120000, isFIFO: 0o010000,
    isSocket: 0o140000, isCharacterDevice: 0o020000, isBlockDevice: 0o060000 };
  for (const [name, bits] of Object.entries(tests)) {
    Object.defineProperty(Stats.prototype, name, { value: { [name]() { return (this.mode & S_IFMT) === bits; } }[name], writable: true, configurable: true });
    Object.defineProperty(Dirent.prototype, name, { value: { [name]() { return (this[kType] & S_IFMT) === bits; } }[name], writable: true, configurable: true });
  }
  return [Stats.prototype, Dirent.prototype, kType];
})()`

func (vm *VM) fsClass() *fsClasses {
	if vm.fsTypes != nil {
		return vm.fsTypes
	}
	made, err := vm.rt.RunString(fsClassesSource)
	if err != nil {
		panic(err) // a constant that compiles
	}
	o := made.ToObject(vm.rt)
	vm.fsTypes = &fsClasses{stats: o.Get("0").ToObject(vm.rt), dirent: o.Get("1").ToObject(vm.rt), direntType: o.Get("2")}
	return vm.fsTypes
}

// dirent is a fs.Dirent: the entry's name and its type.
func (vm *VM) dirent(dir, name string, mode fs.FileMode) *goja.Object {
	c := vm.fsClass()
	d := vm.rt.NewObject()
	_ = d.SetPrototype(c.dirent)
	_ = d.Set("name", name)
	_ = d.Set("parentPath", dir)
	_ = d.Set("path", dir)
	_ = d.SetSymbol(c.direntType.(*goja.Symbol), typeBits(mode))
	return d
}

// nodeStat holds a fs.Stats' fields beyond size and modification time.
type nodeStat struct {
	dev, nlink, rdev, ino   uint64
	mode, uid, gid          uint32
	blksize, blocks         int64
	atime, ctime, birthtime time.Time
}

// typeBits are the file type bits of st_mode (S_IFREG, S_IFDIR, …) for
// the type of mode.
func typeBits(mode fs.FileMode) uint32 {
	switch t := mode.Type(); {
	case t.IsRegular():
		return 0o100000
	case t.IsDir():
		return 0o040000
	case t&fs.ModeSymlink != 0:
		return 0o120000
	case t&fs.ModeNamedPipe != 0:
		return 0o010000
	case t&fs.ModeSocket != 0:
		return 0o140000
	case t&fs.ModeCharDevice != 0:
		return 0o020000
	case t&fs.ModeDevice != 0:
		return 0o060000
	}
	return 0
}

// statFunc is statSync or lstatSync: a fs.Stats object, or undefined for a
// missing file when called with {throwIfNoEntry: false}.
func (vm *VM) statFunc(syscallName string, stat func(string) (os.FileInfo, error)) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		p := vm.pathArg(call, 0)
		fi, err := stat(vm.fsPath(p))
		if err != nil {
			if opt, ok := call.Argument(1).(*goja.Object); ok && errors.Is(err, fs.ErrNotExist) {
				if v := opt.Get("throwIfNoEntry"); v != nil && !goja.IsUndefined(v) && !v.ToBoolean() {
					return goja.Undefined()
				}
			}
			panic(vm.fsError(syscallName, p, err))
		}
		return vm.statsObject(fi)
	}
}

// statsObject is the fs.Stats of fi.
func (vm *VM) statsObject(fi os.FileInfo) goja.Value {
	rt := vm.rt
	s := rt.NewObject()
	_ = s.SetPrototype(vm.fsClass().stats)
	// Node's fields, in Node's order (util.inspect prints them so).
	st := statOf(fi)
	for _, kv := range []struct {
		k string
		v any
	}{{"dev", st.dev}, {"mode", st.mode}, {"nlink", st.nlink}, {"uid", st.uid}, {"gid", st.gid}, {"rdev", st.rdev},
		{"blksize", st.blksize}, {"ino", st.ino}, {"size", fi.Size()}, {"blocks", st.blocks}} {
		_ = s.Set(kv.k, kv.v)
	}
	// The four times in milliseconds, then as Dates, as Node orders them.
	names := [4]string{"atime", "mtime", "ctime", "birthtime"}
	var ms [4]float64
	for i, t := range [4]time.Time{st.atime, fi.ModTime(), st.ctime, st.birthtime} {
		ms[i] = float64(t.UnixNano()) / 1e6
		_ = s.Set(names[i]+"Ms", ms[i])
	}
	for i, k := range names {
		d, _ := rt.New(rt.Get("Date"), rt.ToValue(ms[i]))
		_ = s.Set(k, d)
	}
	return s
}

// readFile reads a file for a hook's fs, as hypergen reads every file: a
// named pipe, device or socket is refused rather than waited on or read
// without end (a FIFO with no writer held the run past every limit;
// /dev/zero filled the memory), and a process's environment under /proc,
// which holds the credentials process.env leaves out, is refused as
// unreadable. A folder is Node's EISDIR.
func (vm *VM) readFile(p string) ([]byte, error) {
	file := vm.fsPath(p)
	if regularfile.CheckEnviron(file) != nil {
		return nil, syscall.EACCES
	}
	b, err := regularfile.ReadFile(file)
	if err != nil {
		if fi, serr := os.Stat(file); serr == nil && fi.IsDir() {
			return nil, syscall.EISDIR
		}
	}
	return b, err
}

// fsError is the Error Node throws for a failed file system call:
// "ENOENT: no such file or directory, open 'x'" with code, syscall and
// path, the path as the caller wrote it (none for a call on a descriptor).
func (vm *VM) fsError(syscallName, path string, err error) goja.Value {
	code, msg := "EIO", err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error() // the path is named below
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if n, ok := errnoNames[errno]; ok {
			code, msg = n.code, n.text
		} else {
			msg = errno.Error()
		}
	}
	// Calls on a descriptor name no path; every other call names its, '' too.
	named := !fdCalls[syscallName]
	text := fmt.Sprintf("%s: %s, %s", code, msg, syscallName)
	if named {
		text += " '" + path + "'"
	}
	e := vm.nodeError("Error", code, text)
	_ = e.Set("errno", -int(errno))
	_ = e.Set("syscall", syscallName)
	if named {
		_ = e.Set("path", path)
	}
	return e
}

// realpathFault is the step at which Node's realpathSync, which walks an
// absolute path itself, fails on it: the lstat of a part that is missing,
// or the stat of a link whose target is missing or a loop. Nil cause: no
// step failed (the path changed since).
func realpathFault(abs string) (op, at string, cause error) {
	at = filepath.VolumeName(abs) + string(filepath.Separator)
	for _, part := range strings.Split(abs[len(at):], string(filepath.Separator)) {
		if part == "" {
			continue
		}
		at = filepath.Join(at, part)
		fi, err := os.Lstat(at)
		if err != nil {
			return "lstat", at, err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if _, err := os.Stat(at); err != nil {
				return "stat", at, err
			}
		}
	}
	return "", "", nil
}

// errnoNames are Node's (libuv's) code and text for the errors a read can
// meet; Go's texts differ for some ("is a directory").
var errnoNames = map[syscall.Errno]struct{ code, text string }{
	syscall.ENOENT:       {"ENOENT", "no such file or directory"},
	syscall.EACCES:       {"EACCES", "permission denied"},
	syscall.ENOTDIR:      {"ENOTDIR", "not a directory"},
	syscall.EISDIR:       {"EISDIR", "illegal operation on a directory"},
	syscall.ELOOP:        {"ELOOP", "too many symbolic links encountered"},
	syscall.EPERM:        {"EPERM", "operation not permitted"},
	syscall.EINVAL:       {"EINVAL", "invalid argument"},
	syscall.EBADF:        {"EBADF", "bad file descriptor"},
	syscall.ENAMETOOLONG: {"ENAMETOOLONG", "name too long"},
	syscall.EMFILE:       {"EMFILE", "too many open files"},
}

// settled runs f now and returns a promise of its result, rejected with
// what it throws.
func (vm *VM) settled(f func() goja.Value) goja.Value {
	p, resolve, reject := vm.rt.NewPromise()
	func() {
		defer func() {
			if r := recover(); r != nil {
				switch x := r.(type) {
				case *goja.Exception:
					_ = reject(x.Value())
				case goja.Value:
					_ = reject(x)
				default:
					panic(r)
				}
			}
		}()
		_ = resolve(f())
	}()
	return vm.rt.ToValue(p)
}
