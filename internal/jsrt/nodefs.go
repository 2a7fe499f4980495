package jsrt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
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
			_, err := os.Stat(vm.resolve(call.Argument(0).String()))
			return rt.ToValue(err == nil)
		},
		"readFileSync": func(call goja.FunctionCall) goja.Value {
			p := vm.resolve(call.Argument(0).String())
			b, err := os.ReadFile(p)
			if err != nil {
				panic(vm.fsError("open", p, err))
			}
			return buffer.EncodeBytes(rt, b, encodingOption(call.Argument(1)))
		},
		"readdirSync": func(call goja.FunctionCall) goja.Value {
			p := vm.resolve(call.Argument(0).String())
			entries, err := os.ReadDir(p)
			if err != nil {
				panic(vm.fsError("scandir", p, err))
			}
			dirents := optionTrue(call.Argument(1), "withFileTypes")
			items := make([]any, len(entries))
			for i, e := range entries {
				if dirents {
					items[i] = vm.dirent(p, e.Name(), e.Type())
				} else {
					items[i] = e.Name()
				}
			}
			return rt.NewArray(items...)
		},
		"statSync":  vm.statFunc("stat", os.Stat),
		"lstatSync": vm.statFunc("lstat", os.Lstat),
		"realpathSync": func(call goja.FunctionCall) goja.Value {
			p := vm.resolve(call.Argument(0).String())
			real, err := filepath.EvalSymlinks(p)
			if err != nil {
				panic(vm.fsError("realpath", p, err))
			}
			return rt.ToValue(real)
		},
		"accessSync": func(call goja.FunctionCall) goja.Value {
			p := vm.resolve(call.Argument(0).String())
			if _, err := os.Stat(p); err != nil {
				panic(vm.fsError("access", p, err))
			}
			return goja.Undefined()
		},
		"readlinkSync": func(call goja.FunctionCall) goja.Value {
			p := vm.resolve(call.Argument(0).String())
			target, err := os.Readlink(p)
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
		_ = promises.Set(name[:len(name)-len("Sync")], func(call goja.FunctionCall) goja.Value {
			return vm.settled(func() goja.Value { return fn(call) })
		})
	}
	refuse := func(name string) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			panic(rt.NewGoError(fmt.Errorf("fs.%s is %w: hooks may only read files; write files with templates (to:), so that hypergen can plan every write", name, ErrUnsupportedRequire)))
		}
	}
	for _, name := range fsWrites {
		_ = o.Set(name, refuse(name))
		_ = o.Set(name+"Sync", refuse(name+"Sync"))
		_ = promises.Set(name, refuse("promises."+name))
	}
	_ = o.Set("promises", promises)
	constants := rt.NewObject()
	for k, v := range map[string]int{"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1} {
		_ = constants.Set(k, v)
	}
	_ = o.Set("constants", constants)
}

// encodingOption reads the encoding of readFileSync(path, 'utf8') or
// readFileSync(path, {encoding}); undefined means a Buffer.
func encodingOption(opt goja.Value) goja.Value {
	if obj, ok := opt.(*goja.Object); ok {
		if enc := obj.Get("encoding"); enc != nil && !goja.IsNull(enc) {
			return enc
		}
		return goja.Undefined()
	}
	if goja.IsNull(opt) {
		return goja.Undefined()
	}
	return opt
}

func optionTrue(opt goja.Value, name string) bool {
	obj, ok := opt.(*goja.Object)
	return ok && truthy(obj.Get(name))
}

// dirent is a fs.Dirent: the entry's name and its type.
func (vm *VM) dirent(dir, name string, mode fs.FileMode) *goja.Object {
	d := vm.rt.NewObject()
	_ = d.Set("name", name)
	_ = d.Set("parentPath", dir)
	_ = d.Set("path", dir)
	vm.typeTests(d, mode)
	return d
}

// typeTests adds isFile(), isDirectory(), … as Dirent and Stats have them.
func (vm *VM) typeTests(o *goja.Object, mode fs.FileMode) {
	t := mode.Type()
	for name, is := range map[string]bool{
		"isFile":            t.IsRegular(),
		"isDirectory":       t.IsDir(),
		"isSymbolicLink":    t&fs.ModeSymlink != 0,
		"isFIFO":            t&fs.ModeNamedPipe != 0,
		"isSocket":          t&fs.ModeSocket != 0,
		"isCharacterDevice": t&fs.ModeCharDevice != 0,
		"isBlockDevice":     t&fs.ModeDevice != 0 && t&fs.ModeCharDevice == 0,
	} {
		_ = o.Set(name, func(goja.FunctionCall) goja.Value { return vm.rt.ToValue(is) })
	}
}

// statFunc is statSync or lstatSync: a fs.Stats object, or undefined for a
// missing file when called with {throwIfNoEntry: false}.
func (vm *VM) statFunc(syscallName string, stat func(string) (os.FileInfo, error)) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		rt := vm.rt
		p := vm.resolve(call.Argument(0).String())
		fi, err := stat(p)
		if err != nil {
			if opt, ok := call.Argument(1).(*goja.Object); ok && errors.Is(err, fs.ErrNotExist) {
				if v := opt.Get("throwIfNoEntry"); v != nil && !goja.IsUndefined(v) && !v.ToBoolean() {
					return goja.Undefined()
				}
			}
			panic(vm.fsError(syscallName, p, err))
		}
		s := rt.NewObject()
		vm.typeTests(s, fi.Mode())
		_ = s.Set("size", fi.Size())
		_ = s.Set("mode", unixMode(fi))
		ms := float64(fi.ModTime().UnixNano()) / 1e6
		mtime, _ := rt.New(rt.Get("Date"), rt.ToValue(ms))
		for _, k := range []string{"mtime", "ctime", "atime", "birthtime"} {
			_ = s.Set(k, mtime)
			_ = s.Set(k+"Ms", ms)
		}
		if ids, ok := ownership(fi); ok {
			_ = s.Set("uid", ids.uid)
			_ = s.Set("gid", ids.gid)
			_ = s.Set("ino", ids.ino)
			_ = s.Set("nlink", ids.nlink)
		}
		return s
	}
}

// fsError is the Error Node throws for a failed file system call:
// "ENOENT: no such file or directory, open '/x'" with code, syscall, path.
func (vm *VM) fsError(syscallName, path string, err error) goja.Value {
	code, msg := "EIO", err.Error()
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name, ok := errnoNames[errno]; ok {
			code = name
		}
		msg = errno.Error()
	}
	e, _ := vm.rt.New(vm.rt.Get("Error"), vm.rt.ToValue(fmt.Sprintf("%s: %s, %s '%s'", code, msg, syscallName, path)))
	_ = e.Set("code", code)
	_ = e.Set("errno", -int(errno))
	_ = e.Set("syscall", syscallName)
	_ = e.Set("path", path)
	return e
}

var errnoNames = map[syscall.Errno]string{
	syscall.ENOENT: "ENOENT", syscall.EACCES: "EACCES", syscall.ENOTDIR: "ENOTDIR",
	syscall.EISDIR: "EISDIR", syscall.ELOOP: "ELOOP", syscall.EPERM: "EPERM", syscall.EINVAL: "EINVAL",
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
