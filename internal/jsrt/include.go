package jsrt

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// maxIncludeDepth bounds include() within include(). Each level is a call
// from JavaScript into Go and back, so a file that includes itself would
// otherwise grow the Go stack until the process dies, where Node throws a
// RangeError.
const maxIncludeDepth = 64

// includeScope is what an include() call is made from: the data the
// calling text was rendered with, its file ("" for a template, which hygen
// renders without a filename) and options, and how deep in includes it is.
type includeScope struct {
	data  *goja.Object
	this  goja.Value // ejs's options, context among them, reach includes
	file  string
	opts  ejs.Options
	depth int
}

// filenameOf is the filename option ejs copies from the data, which is
// what a relative include() resolves against.
func filenameOf(locals *jsvalue.Object) string {
	if v, ok := locals.Get("filename"); ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return ""
}

// includeFunc is ejs's include(name, data): the text of the file name
// leads to, rendered with the caller's data and then data's own
// properties over it, with the caller's options.
func (vm *VM) includeFunc(call goja.FunctionCall) goja.Value {
	out, err := vm.includeFile(call.Argument(0).String(), call.Argument(1))
	if err == nil {
		return out
	}
	// What the included text threw goes on as thrown; a time limit or a
	// stack overflow stays one that no try/catch of the caller can stop.
	var (
		interrupted *goja.InterruptedError
		overflow    *goja.StackOverflowError
		thrown      *goja.Exception
	)
	switch {
	case errors.As(err, &interrupted):
		panic(interrupted)
	case errors.As(err, &overflow):
		panic(overflow)
	case errors.As(err, &thrown):
		panic(thrown)
	}
	panic(vm.rt.NewGoError(err))
}

func (vm *VM) includeFile(name string, extra goja.Value) (goja.Value, error) {
	from := vm.inc
	notFound := fmt.Errorf(`Could not find the include file "%s"`, escapeXML(name))
	file, relative := includePath(name, from.file, vm.setup.Cwd)
	if file == "" {
		return nil, notFound
	}
	if from.depth >= maxIncludeDepth {
		return nil, fmt.Errorf("include(%q): includes nested more than %d deep", name, maxIncludeDepth)
	}
	// Checked before anything is looked up, so a refused include says
	// nothing of what exists where it may not look.
	if check := vm.setup.CheckInclude; check != nil {
		if err := check(file); err != nil {
			return nil, fmt.Errorf("include(%q): %w", name, err)
		}
	}
	if err := regularfile.CheckEnviron(file); err != nil {
		// What process.env leaves out, a template may not print either.
		return nil, fmt.Errorf("include(%q): %w", name, err)
	}
	text, err := regularfile.ReadFile(file)
	switch {
	case err != nil && relative && errors.Is(err, fs.ErrNotExist):
		return nil, notFound // ejs looks for a relative name, and says this
	case err != nil:
		return nil, fmt.Errorf("include(%q): %w", name, err)
	}
	compile := compile
	if vm.setup.Templates != nil {
		compile = vm.setup.Templates.Compile
	}
	// ejs drops one byte order mark from the file it reads.
	t, err := compile(strings.TrimPrefix(string(text), "\uFEFF"), from.opts)
	if err != nil {
		return nil, fmt.Errorf("include(%q): %s: %w", name, file, err)
	}
	return vm.run(t, vm.assign(from.data, extra), from.this, file, from.depth+1)
}

// includePath is where ejs 3.1 looks for an include: an absolute name under
// the root "/", a relative one next to the including file (a relative
// filename taken against cwd, as Node's path.resolve does); "" for a
// relative name in a template, which has no file (hygen gives none).
// ".ejs" is added to a name without an extension.
func includePath(name, from, cwd string) (file string, relative bool) {
	if strings.HasPrefix(name, "/") {
		return withExt(path.Clean(name), name), false
	}
	if from == "" {
		return "", true
	}
	if !path.IsAbs(from) {
		from = path.Join(cwd, from)
	}
	return withExt(path.Join(path.Dir(from), name), name), true
}

func withExt(p, name string) string {
	if path.Ext(name) == "" {
		return p + ".ejs"
	}
	return p
}
