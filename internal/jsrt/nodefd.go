package jsrt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/dop251/goja"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// File descriptors: fs.openSync and the calls on what it returns, for
// reading only, as every fs call of a hook reads only (fsWrites): a flag
// that writes, creates or truncates is refused as writeFileSync is, and a
// write to a descriptor is Node's EBADF for a file opened to read; only
// descriptors 1 and 2 write, to the run's output as console.log does.
//
// A descriptor is the runtime's own number, not the system's: a hook
// cannot reach the files hypergen has open. The files stay open until the
// outermost call into JavaScript that opened them returns (a hook, a
// render, the loading of .hygen.js: see VM.guard), then all are closed,
// whatever the hook did, as Node's are when its process ends.

// maxOpenFiles bounds the files one runtime holds open at once; one more
// is Node's EMFILE.
const maxOpenFiles = 256

// firstFD is the first descriptor handed out: 0 to 2 are the standard
// streams.
const firstFD = 3

// installFDs adds the descriptor calls to fs (o) and their callback forms.
func (vm *VM) installFDs(o *goja.Object) {
	rt := vm.rt
	sync := map[string]func(goja.FunctionCall) goja.Value{
		"openSync": func(call goja.FunctionCall) goja.Value {
			p := vm.pathArg(call, 0)
			vm.readOnlyFlags("fs.openSync", call.Argument(1))
			return rt.ToValue(vm.openFD(p))
		},
		"closeSync": func(call goja.FunctionCall) goja.Value {
			fd, f := vm.fdArg("close", call.Argument(0))
			delete(vm.files, fd)
			_ = f.Close()
			return goja.Undefined()
		},
		"fstatSync": func(call goja.FunctionCall) goja.Value {
			_, f := vm.fdArg("fstat", call.Argument(0))
			fi, err := f.Stat()
			if err != nil {
				panic(vm.fsError("fstat", "", err))
			}
			return vm.statsObject(fi)
		},
		// Nothing was written through a descriptor: nothing to flush.
		"fsyncSync": func(call goja.FunctionCall) goja.Value {
			vm.fdArg("fsync", call.Argument(0))
			return goja.Undefined()
		},
		"fdatasyncSync": func(call goja.FunctionCall) goja.Value {
			vm.fdArg("fdatasync", call.Argument(0))
			return goja.Undefined()
		},
		// The system's answer for a file opened to read, without asking it.
		"ftruncateSync": func(call goja.FunctionCall) goja.Value {
			vm.fdArg("ftruncate", call.Argument(0))
			panic(vm.fsError("ftruncate", "", syscall.EINVAL))
		},
		"readSync": func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(vm.readFD(call))
		},
		"writeSync": func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(vm.writeFD(call))
		},
	}
	for name, fn := range sync {
		_ = o.Set(name, named(rt, rt.ToValue(fn).ToObject(rt), name, -1))
		base := name[:len(name)-len("Sync")]
		_ = o.Set(base, vm.callbackForm(base, fn))
	}
}

// callbackForm is fs.read(fd, …, callback) and kin for the synchronous fn:
// the same work, the callback called after the caller's code with the
// error or null and the result; read and write pass the buffer too, and
// 0 bytes with an error.
func (vm *VM) callbackForm(name string, fn func(goja.FunctionCall) goja.Value) goja.Value {
	rt := vm.rt
	return rt.ToValue(func(call goja.FunctionCall) goja.Value {
		n := len(call.Arguments)
		cb, ok := goja.AssertFunction(call.Argument(n - 1))
		if n == 0 || !ok {
			panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "cb" argument must be of type function. Received `+received(call.Argument(n-1))))
		}
		args := call.Arguments[:n-1]
		// Read now: call.Arguments lies on goja's stack, which later calls
		// reuse before the callback runs.
		buffer := call.Argument(1)
		p := vm.settled(func() goja.Value { return fn(goja.FunctionCall{This: call.This, Arguments: args}) })
		then, _ := goja.AssertFunction(p.ToObject(rt).Get("then"))
		_, _ = then(p,
			rt.ToValue(func(c goja.FunctionCall) goja.Value {
				if name == "read" || name == "write" {
					return vm.callBack(cb, goja.Null(), c.Argument(0), buffer)
				}
				return vm.callBack(cb, goja.Null(), c.Argument(0))
			}),
			rt.ToValue(func(c goja.FunctionCall) goja.Value {
				if name == "read" || name == "write" {
					return vm.callBack(cb, c.Argument(0), rt.ToValue(0), buffer)
				}
				return vm.callBack(cb, c.Argument(0))
			}))
		return goja.Undefined()
	})
}

// readOnlyFlags refuses the open flags of the call named fn that would
// change the disk, as the fs calls that write are refused, and throws
// Node's TypeError for flags it does not know.
func (vm *VM) readOnlyFlags(fn string, flags goja.Value) {
	if goja.IsUndefined(flags) || goja.IsNull(flags) {
		return
	}
	if goja.IsNumber(flags) {
		const writing = os.O_WRONLY | os.O_RDWR | os.O_CREATE | os.O_TRUNC | os.O_APPEND
		if int(flags.ToInteger())&writing == 0 {
			return
		}
	} else {
		switch s := flags.String(); s {
		case "r", "rs", "sr":
			return
		case "r+", "rs+", "sr+", "w", "wx", "xw", "w+", "wx+", "xw+", "a", "ax", "xa", "as", "sa", "a+", "ax+", "xa+", "as+", "sa+":
		default:
			panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'flags' is invalid. Received "+inspectArg(flags)))
		}
	}
	panic(vm.rt.NewGoError(fmt.Errorf("%s with flags %s is %w: hooks may only read files; write files with templates (to:), so that hypergen can plan every write",
		fn, inspectArg(flags), ErrUnsupportedRequire)))
}

// openFD opens p to read and returns its new descriptor. A folder opens,
// as in Node (reading it is EISDIR); a named pipe or device is refused as
// readFileSync refuses it, and so is a process's environment.
func (vm *VM) openFD(p string) int {
	file := vm.fsPath(p)
	if regularfile.CheckEnviron(file) != nil {
		panic(vm.fsError("open", p, syscall.EACCES))
	}
	if len(vm.files) >= maxOpenFiles {
		panic(vm.fsError("open", p, syscall.EMFILE))
	}
	var f *os.File
	var err error
	if fi, serr := os.Stat(file); serr == nil && fi.IsDir() {
		f, err = os.Open(file)
	} else {
		f, err = regularfile.OpenFile(file, os.O_RDONLY, 0)
	}
	if err != nil {
		panic(vm.fsError("open", p, err))
	}
	if vm.files == nil {
		vm.files = map[int]*os.File{}
	}
	fd := firstFD
	for vm.files[fd] != nil {
		fd++
	}
	vm.files[fd] = f
	return fd
}

// closeFiles closes every file the runtime's JavaScript left open.
func (vm *VM) closeFiles() {
	for fd, f := range vm.files {
		_ = f.Close()
		delete(vm.files, fd)
	}
}

// fdArg is the open file of descriptor v, checked as Node checks it: a
// number from 0 to 2^31-1, else its TypeError or RangeError; one not open
// is EBADF for syscall.
func (vm *VM) fdArg(syscallName string, v goja.Value) (int, *os.File) {
	fd := vm.fdNumber(v)
	f := vm.files[fd]
	if f == nil {
		panic(vm.fsError(syscallName, "", syscall.EBADF))
	}
	return fd, f
}

func (vm *VM) fdNumber(v goja.Value) int {
	if !goja.IsNumber(v) {
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "fd" argument must be of type number. Received `+received(v)))
	}
	x := v.ToFloat()
	if x != float64(int64(x)) {
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", `The value of "fd" is out of range. It must be an integer. Received `+v.String()))
	}
	if x < 0 || x > 1<<31-1 {
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", `The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received `+v.String()))
	}
	return int(x)
}

// span is a read's or write's offset, length and position, from
// arguments 2 to 4 or the options object in argument 2, checked against
// a buffer of size bytes as Node checks them. A position of -1 is the
// file's own.
func (vm *VM) span(call goja.FunctionCall, size int) (offset, length int, position int64) {
	off, n, pos := call.Argument(2), call.Argument(3), call.Argument(4)
	if o, ok := off.(*goja.Object); ok {
		off, n, pos = o.Get("offset"), o.Get("length"), o.Get("position")
	}
	given := func(v goja.Value) bool { return v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) }
	if given(off) {
		offset = int(vm.intArg("offset", off))
	}
	length = size - offset
	if given(n) {
		length = int(vm.intArg("length", n))
	}
	position = -1
	if given(pos) {
		position = vm.intArg("position", pos)
	}
	switch {
	case offset < 0:
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf(`The value of "offset" is out of range. It must be >= 0 && <= 9007199254740991. Received %d`, offset)))
	case length == 0: // nothing to read or write, whatever else is wrong
	case length < 0:
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf(`The value of "length" is out of range. It must be >= 0. Received %d`, length)))
	case offset+length > size:
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf(`The value of "length" is out of range. It must be <= %d. Received %d`, size-offset, length)))
	}
	return offset, length, position
}

// intArg is a whole number argument, or Node's TypeError naming it.
func (vm *VM) intArg(name string, v goja.Value) int64 {
	if !goja.IsNumber(v) && typeOf(v) != "bigint" {
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "`+name+`" argument must be of type number. Received `+received(v)))
	}
	x := v.ToFloat()
	if x != float64(int64(x)) {
		panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", `The value of "`+name+`" is out of range. It must be an integer. Received `+v.String()))
	}
	return int64(x)
}

// readFD is fs.readSync: the bytes read into the buffer.
func (vm *VM) readFD(call goja.FunctionCall) int {
	_, f := vm.fdArg("read", call.Argument(0))
	buf, ok := vm.bufferBytes(call.Argument(1))
	if !ok {
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "buffer" argument must be an instance of Buffer, TypedArray, or DataView. Received `+received(call.Argument(1))))
	}
	offset, length, position := vm.span(call, len(buf))
	if length == 0 {
		return 0
	}
	var n int
	var err error
	if position < 0 {
		n, err = f.Read(buf[offset : offset+length])
	} else {
		n, err = f.ReadAt(buf[offset:offset+length], position)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		panic(vm.fsError("read", "", err))
	}
	return n
}

// writeFD is fs.writeSync of a buffer or a string: descriptors 1 and 2
// are the run's output; the rest are open to read, or not open.
func (vm *VM) writeFD(call goja.FunctionCall) int {
	fd := vm.fdNumber(call.Argument(0))
	data, ok := vm.bufferBytes(call.Argument(1))
	switch {
	case ok:
		offset, length, _ := vm.span(call, len(data))
		data = data[offset : offset+length]
	case goja.IsString(call.Argument(1)):
		// writeSync(fd, string, position, encoding): Buffer.from encodes it.
		from, _ := goja.AssertFunction(vm.rt.Get("Buffer").ToObject(vm.rt).Get("from"))
		b, err := from(goja.Undefined(), call.Argument(1), call.Argument(3))
		if err != nil {
			panic(err)
		}
		data, _ = vm.bufferBytes(b)
	default:
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE",
			`The "buffer" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received `+received(call.Argument(1))))
	}
	var out io.Writer
	switch fd {
	case 1:
		out = vm.stdout
	case 2:
		out = vm.stderr
	default:
		panic(vm.fsError("write", "", syscall.EBADF))
	}
	n, err := out.Write(data)
	if err != nil {
		panic(vm.fsError("write", "", err))
	}
	return n
}

// fdCalls are the system calls on a descriptor, whose errors name no path.
var fdCalls = map[string]bool{"read": true, "write": true, "fstat": true, "close": true, "fsync": true, "fdatasync": true, "ftruncate": true}
