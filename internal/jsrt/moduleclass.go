package jsrt

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/noderesolve"
)

// Node's Module class, which require('module') is. Packages that load
// config files fresh reach past require into it: resolve-from calls
// Module._resolveFilename with a stand-in parent and
// Module._nodeModulePaths, and import-fresh (cosmiconfig's loader of
// .js configs) unlinks the old module from its parent's children and loads
// it again through the parent's own require method. So every module object
// is a Module, linked to the module that first required it as Node links
// it.

// moduleClass is the Module constructor, made once per runtime.
func (vm *VM) moduleClass() *goja.Object {
	if vm.moduleCtor != nil {
		return vm.moduleCtor
	}
	rt := vm.rt
	vm.moduleParents = map[*goja.Object]goja.Value{}
	ctor := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		id := ""
		if v := call.Argument(0); !goja.IsUndefined(v) {
			id = v.String()
		}
		vm.initModule(call.This, id, call.Argument(1))
		return nil
	}).ToObject(rt)
	named(rt, ctor, "Module", 0)
	proto := ctor.Get("prototype").ToObject(rt)
	_ = proto.Set("require", named(rt, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		this := call.This.ToObject(rt)
		id := call.Argument(0)
		if !goja.IsString(id) {
			panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "id" argument must be of type string. Received `+received(id)))
		}
		if id.String() == "" {
			panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''"))
		}
		request, from := id.String(), stringProp(this, "filename")
		if file, replaced := vm.resolveThrough(request, this, goja.Undefined()); replaced {
			return vm.loadResolved(from, request, file, this)
		}
		if name, ok := noderesolve.IsBuiltin(request); ok {
			return vm.coreModule(from, name)
		}
		return vm.loadResolved(from, request, vm.lookup(request, this), this)
	}).ToObject(rt), "require", 1))
	// require-from-string fills a new Module with code so.
	_ = proto.Set("_compile", named(rt, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		filename := call.Argument(1).String()
		if err := vm.evaluate(call.This.ToObject(rt), filename, filename, call.Argument(0).String()); err != nil {
			vm.raise(err)
		}
		return goja.Undefined()
	}).ToObject(rt), "_compile", 2))
	// Node keeps the parent outside the object (module.parent is its
	// prototype's accessor), so Object.keys(module) and util.inspect leave
	// it out.
	_ = proto.DefineAccessorProperty("parent",
		rt.ToValue(func(call goja.FunctionCall) goja.Value {
			if p := vm.moduleParents[call.This.ToObject(rt)]; p != nil {
				return p
			}
			return goja.Undefined()
		}),
		rt.ToValue(func(call goja.FunctionCall) goja.Value {
			vm.moduleParents[call.This.ToObject(rt)] = call.Argument(0)
			return goja.Undefined()
		}), goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = ctor.Set("Module", ctor)
	_ = ctor.Set("_cache", vm.requireCache())
	// The extensions require tries, which packages read (tsconfig-paths
	// probes for files with them); the loaders are hypergen's own, which
	// scripts cannot call or add to.
	extensions := rt.NewObject()
	for _, ext := range []string{".js", ".json", ".node"} {
		_ = extensions.Set(ext, named(rt, rt.ToValue(func(goja.FunctionCall) goja.Value {
			panic(rt.NewGoError(fmt.Errorf("Module._extensions[%q] is %w: hypergen loads modules itself", ext, ErrUnsupportedRequire)))
		}).ToObject(rt), "", 2))
	}
	_ = ctor.Set("_extensions", extensions)
	vm.ownResolve = named(rt, rt.ToValue(vm.resolveFilename).ToObject(rt), "_resolveFilename", 4)
	_ = ctor.Set("_resolveFilename", vm.ownResolve)
	_ = ctor.Set("_nodeModulePaths", named(rt, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.stringArray(slices.Collect(noderesolve.NodeModulesFolders(filepath.Clean(vm.resolve(call.Argument(0).String())))))
	}).ToObject(rt), "_nodeModulePaths", 1))
	vm.moduleCtor = ctor
	return ctor
}

// newModule makes the module object of file, first required by parent
// (nil for a hook, which hypergen loads).
func (vm *VM) newModule(file string, parent *goja.Object) *goja.Object {
	var p goja.Value = goja.Undefined()
	if parent != nil {
		p = parent
	}
	module, err := vm.rt.New(vm.moduleClass(), vm.rt.ToValue(file), p)
	if err != nil {
		panic(err) // what the parent's children threw as they took it
	}
	_ = module.Set("filename", file)
	_ = module.Set("paths", vm.stringArray(slices.Collect(noderesolve.NodeModulesFolders(filepath.Dir(file)))))
	return module
}

// initModule is the Module constructor's work on this, in Node's order of
// properties.
func (vm *VM) initModule(this *goja.Object, id string, parent goja.Value) {
	rt := vm.rt
	_ = this.Set("id", id)
	_ = this.Set("path", filepath.Dir(id))
	_ = this.Set("exports", rt.NewObject())
	vm.moduleParents[this] = parent
	addChild(parent, this, false)
	_ = this.Set("filename", goja.Null())
	_ = this.Set("loaded", false)
	_ = this.Set("children", rt.NewArray())
}

// addChild puts child in parent's children, once when scan is set (a
// module required again from another module), as Node does; a parent
// without children has none. Node changes the array with its own copies
// of the array methods, which a script's changes to them do not reach, as
// they do not reach these.
func addChild(parent goja.Value, child *goja.Object, scan bool) {
	children := childrenOf(parent)
	if children == nil || scan && indexOf(children, child) >= 0 {
		return
	}
	_ = children.Set(strconv.FormatInt(children.Get("length").ToInteger(), 10), child)
}

// removeChild takes a module whose loading failed out of its parent's
// children, as Node does.
func removeChild(parent goja.Value, child *goja.Object) {
	children := childrenOf(parent)
	if children == nil {
		return
	}
	i := indexOf(children, child)
	if i < 0 {
		return
	}
	n := children.Get("length").ToInteger()
	for ; i+1 < n; i++ {
		_ = children.Set(strconv.FormatInt(i, 10), children.Get(strconv.FormatInt(i+1, 10)))
	}
	_ = children.Set("length", n-1)
}

// childrenOf is module.children, or nil when module has none.
func childrenOf(module goja.Value) *goja.Object {
	m, ok := module.(*goja.Object)
	if !ok {
		return nil
	}
	children, _ := m.Get("children").(*goja.Object)
	return children
}

// indexOf is where child is in children, or -1.
func indexOf(children, child *goja.Object) int64 {
	n := children.Get("length").ToInteger()
	for i := range n {
		if children.Get(strconv.FormatInt(i, 10)) == goja.Value(child) {
			return i
		}
	}
	return -1
}

// resolveFilename is Module._resolveFilename(request, parent): the file
// require(request) loads for the module parent, which may be any object
// with Node's fields. A relative or absolute request resolves from the
// folder of parent.filename (the working folder when parent has no id or
// filename); a package name is looked for in parent.paths, then in the
// global folders. hypergen's resolver looks in the node_modules folders
// from one folder up, so a list that starts with a node_modules folder
// (_nodeModulePaths' lists always do) is searched as that walk from its
// folder, and the rest of the list after it.
func (vm *VM) resolveFilename(call goja.FunctionCall) goja.Value {
	request := call.Argument(0).String()
	if _, ok := noderesolve.IsBuiltin(request); ok {
		return call.Argument(0)
	}
	parent, _ := call.Argument(1).(*goja.Object)
	if paths, ok := vm.searchPaths(call.Argument(3)); ok {
		return vm.rt.ToValue(vm.lookupIn(request, paths, vm.requireStack(parent)))
	}
	return vm.rt.ToValue(vm.lookup(request, parent))
}

// searchPaths is the folders of options.paths (require.resolve's and
// Module._resolveFilename's option), relative ones from the working
// folder; ok reports whether options gives them.
func (vm *VM) searchPaths(options goja.Value) (paths []string, ok bool) {
	o, isObject := options.(*goja.Object)
	if !isObject {
		return nil, false
	}
	v := o.Get("paths")
	if v == nil || goja.IsUndefined(v) {
		return nil, false
	}
	list, isObject := v.(*goja.Object)
	if !isObject || list.ClassName() != "Array" {
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.paths' is invalid. Received "+inspectArg(v)))
	}
	for _, k := range list.Keys() {
		paths = append(paths, filepath.Clean(vm.resolve(list.Get(k).String())))
	}
	return paths, true
}

// lookupIn is the file request resolves to from the folders paths, tried
// in turn, or Node's error naming stack (see throwNotFound): a package is
// looked for in each folder's node_modules folders (after the first
// folder's, in the global folders, as Node orders them), a relative
// request in the folder itself.
func (vm *VM) lookupIn(request string, paths, stack []string) string {
	var file string
	var err error = &noderesolve.NotFoundError{ID: request}
	for i, dir := range paths {
		var global func() []string
		if i == 0 {
			global = vm.globalPaths
		}
		file, err = noderesolve.Resolve(dir, request, global)
		var nf *noderesolve.NotFoundError
		if err == nil || !errors.As(err, &nf) || nf.Package != "" {
			break
		}
	}
	vm.throwNotFound(request, stack, err)
	if err != nil {
		vm.throw(err)
	}
	return file
}

// resolveThrough is the file that a require(id) (or require.resolve(id,
// options)) made by parent resolves to when a script replaced
// Module._resolveFilename, which Node's require resolves through
// (module-alias and tsconfig-paths wrap it to map ids to folders);
// replaced is false when none did. A node: id is a core module's, which
// Node loads without asking.
func (vm *VM) resolveThrough(id string, parent *goja.Object, options goja.Value) (file string, replaced bool) {
	if vm.moduleCtor == nil || parent == nil || strings.HasPrefix(id, "node:") {
		return "", false
	}
	f := vm.moduleCtor.Get("_resolveFilename")
	resolve, ok := goja.AssertFunction(f)
	if !ok || f == goja.Value(vm.ownResolve) {
		return "", false
	}
	rt := vm.rt
	v, err := resolve(vm.moduleCtor, rt.ToValue(id), parent, rt.ToValue(false), options)
	if err != nil {
		panic(err)
	}
	return v.String(), true
}

// lookup is the file a request that names no core module resolves to for
// parent (see resolveFilename), or Node's error.
func (vm *VM) lookup(request string, parent *goja.Object) string {
	var from string
	var global func() []string
	switch {
	case request == "." || request == ".." || hasRelativePrefix(request) || filepath.IsAbs(request):
		from = vm.setup.Cwd
		if parent != nil && stringProp(parent, "id") != "" && stringProp(parent, "filename") != "" {
			from = filepath.Dir(stringProp(parent, "filename"))
		}
	default:
		var paths []string
		if parent != nil {
			if list, ok := parent.Get("paths").(*goja.Object); ok {
				for _, k := range list.Keys() {
					if p := list.Get(k); goja.IsString(p) {
						paths = append(paths, p.String())
					}
				}
			}
		}
		from = filepath.VolumeName(vm.setup.Cwd) + string(filepath.Separator)
		if len(paths) > 0 && filepath.Base(paths[0]) == "node_modules" {
			from = filepath.Dir(paths[0])
		}
		global = func() []string { return append(paths, vm.globalPaths()...) }
	}
	file, err := noderesolve.Resolve(from, request, global)
	vm.throwNotFound(request, vm.requireStack(parent), err)
	if err != nil {
		vm.throw(err)
	}
	return file
}

func hasRelativePrefix(id string) bool {
	return len(id) > 1 && id[0] == '.' && (id[1] == '/' || len(id) > 2 && id[1] == '.' && id[2] == '/')
}

// requireStack is Node's list of the modules whose requires led to a
// require from module: its file, its parent's, and so up, as far as
// modules link to parents.
func (vm *VM) requireStack(module *goja.Object) []string {
	var stack []string
	seen := map[*goja.Object]bool{}
	for m := module; m != nil && !seen[m]; {
		seen[m] = true
		name := stringProp(m, "filename")
		if name == "" {
			name = stringProp(m, "id")
		}
		stack = append(stack, name)
		m, _ = vm.moduleParents[m].(*goja.Object)
	}
	return stack
}

// stringProp is o[name] when it is a string, else "".
func stringProp(o *goja.Object, name string) string {
	if v := o.Get(name); v != nil && goja.IsString(v) {
		return v.String()
	}
	return ""
}

// stringArray is a JavaScript array of ss, which scripts change as they
// change Node's (a Go slice given to goja stays one).
func (vm *VM) stringArray(ss []string) *goja.Object {
	items := make([]any, len(ss))
	for i, s := range ss {
		items[i] = s
	}
	return vm.rt.NewArray(items...)
}
