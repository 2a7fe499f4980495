package jsrt

import (
	"os"
	"syscall"

	"github.com/dop251/goja"
)

// fs.promises.open and the FileHandle it gives: a descriptor of
// nodefd.go's, opened to read as fs.openSync opens one (a flag that
// writes is refused), with the handle's methods settled at once as
// fs.promises' are. The calls that write through a handle fail as Node's
// fail on a file opened to read; those that change the file's metadata
// are refused as fs.chmod is.

// fileHandle is what a FileHandle object holds: its descriptor and the
// file that was open under it, so a handle whose file a finished call
// closed (see nodefd.go) does not read another file that took its number.
type fileHandle struct {
	fd int
	f  *os.File
}

// openHandle is fs.promises.open(path, flags).
func (vm *VM) openHandle(call goja.FunctionCall) goja.Value {
	return vm.settled(func() goja.Value {
		p := vm.pathArg(call, 0)
		vm.readOnlyFlags("fs.promises.open", call.Argument(1))
		fd := vm.openFD(p)
		h := vm.rt.NewObject()
		_ = h.SetPrototype(vm.fileHandleProto())
		vm.handles[h] = &fileHandle{fd, vm.files[fd]}
		return h
	})
}

// fileHandleProto is FileHandle.prototype, made once per runtime.
func (vm *VM) fileHandleProto() *goja.Object {
	if vm.handleProto != nil {
		return vm.handleProto
	}
	rt := vm.rt
	vm.handles = map[*goja.Object]*fileHandle{}
	proto := rt.NewObject()
	ctor := named(rt, rt.ToValue(func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	}).ToObject(rt), "FileHandle", 0)
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineAccessorProperty("fd", rt.ToValue(func(call goja.FunctionCall) goja.Value {
		if h := vm.handles[call.This.ToObject(rt)]; h != nil && vm.files[h.fd] == h.f {
			return rt.ToValue(h.fd)
		}
		return rt.ToValue(-1)
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// method defines a method settled at once, run with the handle's
	// descriptor, or rejected with Node's error for a closed handle.
	method := func(name string, fn func(fd goja.Value, call goja.FunctionCall) goja.Value) {
		_ = proto.Set(name, named(rt, rt.ToValue(func(call goja.FunctionCall) goja.Value {
			return vm.settled(func() goja.Value {
				h := vm.handles[call.This.ToObject(rt)]
				if h == nil || vm.files[h.fd] != h.f {
					e := vm.nodeError("Error", "EBADF", "file closed")
					_ = e.Set("syscall", name)
					panic(e)
				}
				return fn(rt.ToValue(h.fd), call)
			})
		}).ToObject(rt), name, -1))
	}
	method("read", func(fd goja.Value, call goja.FunctionCall) goja.Value {
		// read(buffer, offset, length, position), read(buffer, options)
		// or read(options), whose buffer is 16 KiB by default, as Node's.
		args := append([]goja.Value{fd}, call.Arguments...)
		if _, isBuffer := vm.bufferBytes(call.Argument(0)); !isBuffer {
			buffer := goja.Value(nil)
			if o, ok := call.Argument(0).(*goja.Object); ok {
				buffer = o.Get("buffer")
			}
			if buffer == nil || goja.IsUndefined(buffer) {
				alloc, _ := goja.AssertFunction(rt.Get("Buffer").ToObject(rt).Get("alloc"))
				b, err := alloc(goja.Undefined(), rt.ToValue(16384))
				if err != nil {
					panic(err)
				}
				buffer = b
			}
			args = []goja.Value{fd, buffer, call.Argument(0)}
			if goja.IsUndefined(call.Argument(0)) {
				args = args[:2]
			}
		}
		n := vm.readFD(goja.FunctionCall{Arguments: args})
		out := rt.NewObject()
		_ = out.Set("bytesRead", n)
		_ = out.Set("buffer", args[1])
		return out
	})
	method("readFile", func(fd goja.Value, call goja.FunctionCall) goja.Value {
		readFile, _ := goja.AssertFunction(vm.builtin("fs", vm.fsModule).Get("readFileSync"))
		v, err := readFile(goja.Undefined(), fd, call.Argument(0))
		if err != nil {
			panic(err)
		}
		return v
	})
	method("stat", func(fd goja.Value, _ goja.FunctionCall) goja.Value {
		_, f := vm.fdArg("fstat", fd)
		fi, err := f.Stat()
		if err != nil {
			panic(vm.fsError("fstat", "", err))
		}
		return vm.statsObject(fi)
	})
	// Nothing was written through a handle: nothing to flush.
	method("sync", func(goja.Value, goja.FunctionCall) goja.Value { return goja.Undefined() })
	method("datasync", func(goja.Value, goja.FunctionCall) goja.Value { return goja.Undefined() })
	// The system's answers for a file opened to read, without asking it.
	for _, name := range []string{"write", "writev", "writeFile", "appendFile"} {
		method(name, func(goja.Value, goja.FunctionCall) goja.Value { panic(vm.fsError("write", "", syscall.EBADF)) })
	}
	method("truncate", func(goja.Value, goja.FunctionCall) goja.Value { panic(vm.fsError("ftruncate", "", syscall.EINVAL)) })
	for _, name := range []string{"chmod", "chown", "utimes"} {
		method(name, func(goja.Value, goja.FunctionCall) goja.Value { panic(vm.refusedWrite("FileHandle." + name)) })
	}
	// Closing a closed handle does nothing, as in Node.
	_ = proto.Set("close", named(rt, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.settled(func() goja.Value {
			if h := vm.handles[call.This.ToObject(rt)]; h != nil && vm.files[h.fd] == h.f {
				delete(vm.files, h.fd)
				_ = h.f.Close()
			}
			return goja.Undefined()
		})
	}).ToObject(rt), "close", 0))
	vm.handleProto = proto
	return proto
}
