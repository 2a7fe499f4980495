package jsrt

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/noderesolve"
)

// moduleModule is Node's module: the Module class (moduleClass) with the
// statics packages read: builtinModules and isBuiltin, createRequire, and
// globalPaths, which app-root-path reads as it loads.
func (vm *VM) moduleModule(module *goja.Object) {
	rt := vm.rt
	o := vm.moduleClass()
	_ = module.Set("exports", o)
	names := noderesolve.Builtins()
	_ = o.Set("builtinModules", names)
	_ = o.Set("isBuiltin", func(call goja.FunctionCall) goja.Value {
		name, _ := strings.CutPrefix(call.Argument(0).String(), "node:")
		_, found := slices.BinarySearch(names, name)
		return rt.ToValue(found)
	})
	_ = o.Set("createRequire", func(call goja.FunctionCall) goja.Value {
		return vm.requireFunction(vm.requireBase(call.Argument(0)), nil)
	})
	_ = o.Set("globalPaths", vm.globalPaths())
}

// requireBase is the file createRequire(filename) resolves from: an
// absolute path, or a file URL as a string or URL object. A path ending in
// a separator is a folder, which ids resolve from itself.
func (vm *VM) requireBase(v goja.Value) string {
	s := v.String()
	if o, ok := v.(*goja.Object); ok {
		if href := o.Get("href"); href != nil {
			s = href.String()
		}
	}
	if strings.HasPrefix(s, "file:") {
		if u, err := url.Parse(s); err == nil && u.Path != "" {
			s = u.Path
		}
	}
	if !filepath.IsAbs(s) {
		panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_VALUE",
			"The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received "+vm.inspect(v)))
	}
	if strings.HasSuffix(s, "/") {
		s += "noop.js" // Node's own stand-in for the folder's module
	}
	return s
}

// globalPaths are the folders Node's require searches last: NODE_PATH's,
// then ~/.node_modules, ~/.node_libraries and lib/node under the runtime's
// prefix, as Node lists them.
func (vm *VM) globalPaths() []string {
	var paths []string
	for _, p := range filepath.SplitList(vm.getenv("NODE_PATH")) {
		if p != "" {
			paths = append(paths, p)
		}
	}
	if home := vm.getenv("HOME"); home != "" {
		paths = append(paths, filepath.Join(home, ".node_modules"), filepath.Join(home, ".node_libraries"))
	}
	return append(paths, filepath.Join(filepath.Dir(filepath.Dir(executable())), "lib", "node"))
}
