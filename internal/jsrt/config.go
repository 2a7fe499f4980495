package jsrt

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// ProjectConfig is a loaded .hygen.js, seen as hygen sees it: the module's
// exports merged over hygen's own configuration.
type ProjectConfig struct {
	File string
	view *goja.Object // the exports as TypeScript's importStar shows them
	obj  *goja.Object // the whole configuration, the second argument of a helpers function
	vm   *VM
}

// LoadConfig evaluates a .hygen.js file on this VM.
func (vm *VM) LoadConfig(file string) (*ProjectConfig, error) {
	m, err := vm.Require(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var c *ProjectConfig
	err = vm.withinLimits(func() error {
		var err error
		c, err = vm.configView(file, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return c, nil
}

// withinLimits runs f, which reads JavaScript values from Go (a getter, a
// Proxy's trap or a toString may run), within the time limit, and turns
// what it throws into an error.
func (vm *VM) withinLimits(f func() error) error {
	defer vm.guard(vm.ctx)()
	var ferr error
	if _, err := vm.catch(func() goja.Value { ferr = f(); return nil }); err != nil {
		return err
	}
	return ferr
}

// configView reads a loaded module's exports as hygen does.
func (vm *VM) configView(file string, m *Module) (*ProjectConfig, error) {
	rt := vm.rt
	view, ok := m.Exports.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("module.exports is %s, not an object", printable(m.Exports))
	}
	if esm := view.Get("__esModule"); esm == nil || !esm.ToBoolean() {
		// hygen imports the file with importStar, which copies the own
		// properties of a CommonJS module and adds it as `default`.
		plain := rt.NewObject()
		for _, k := range view.Keys() {
			if k != "default" {
				_ = plain.Set(k, view.Get(k))
			}
		}
		_ = plain.Set("default", view)
		view = plain
	}
	if f, ok := goja.AssertFunction(view.Get("createPrompter")); ok {
		vm.createPrompter = f
	}
	return &ProjectConfig{File: file, view: view, obj: rt.NewObject(), vm: vm}, nil
}

// Templates returns the `templates` key, if the file sets it.
func (c *ProjectConfig) Templates() (dir string, set bool, err error) {
	err = c.vm.withinLimits(func() error {
		v := c.view.Get("templates")
		if v == nil {
			return nil
		}
		var ok bool
		if dir, ok = v.Export().(string); ok {
			set = true
			return nil
		}
		return fmt.Errorf("templates is %s, not a string (a folder path)", printable(v))
	})
	if err != nil {
		return "", false, fmt.Errorf("%s: %w", c.File, err)
	}
	return dir, set, nil
}

// Cwd returns the `cwd` key, if the file sets it: hygen resolves `to:`
// paths there (its sh: commands still run in the process's folder).
func (c *ProjectConfig) Cwd() (dir string, set bool, err error) {
	err = c.vm.withinLimits(func() error {
		v := c.view.Get("cwd")
		if v == nil || goja.IsUndefined(v) {
			return nil
		}
		if s, ok := v.Export().(string); ok && s != "" {
			dir, set = s, true
			return nil
		}
		return fmt.Errorf("cwd is %s, not a folder path", printable(v))
	})
	if err != nil {
		return "", false, fmt.Errorf("%s: %w", c.File, err)
	}
	return dir, set, nil
}

// Complete records hygen's own configuration values (templates, cwd,
// logger, debug) under the file's keys, forming the config object helpers
// functions receive. hygen's exec and createPrompter are not among them:
// hypergen runs commands and asks questions from Go.
func (c *ProjectConfig) Complete(templates, cwd string) error {
	logger, err := c.vm.newLogger()
	if err != nil {
		return fmt.Errorf("%s: making the config's logger: %w", c.File, err)
	}
	_ = c.obj.Set("templates", templates)
	_ = c.obj.Set("cwd", cwd)
	_ = c.obj.Set("logger", logger)
	_ = c.obj.Set("debug", c.vm.getenv("DEBUG") != "")
	err = c.vm.withinLimits(func() error {
		for _, k := range c.view.Keys() {
			_ = c.obj.Set(k, c.view.Get(k))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", c.File, err)
	}
	return nil
}

// LocalsDefaults returns the localsDefaults object (empty when unset).
func (vm *VM) LocalsDefaults(c *ProjectConfig) (*jsvalue.Object, error) {
	out := jsvalue.NewObject()
	if c == nil {
		return out, nil
	}
	err := vm.withinLimits(func() error {
		out = vm.exportObject(c.view.Get("localsDefaults"))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: localsDefaults: %w", c.File, err)
	}
	return out, nil
}

// Helpers returns the `h` a template sees: hygen's helpers with the
// config's helpers over them. A helpers function is called with the locals
// and the config for every render, as hygen does.
func (vm *VM) Helpers(c *ProjectConfig, locals *jsvalue.Object) (Helpers, error) {
	if c == nil {
		return Helpers{vm.helpers}, nil
	}
	var h Helpers
	err := vm.withinLimits(func() error {
		extra := c.view.Get("helpers")
		if fn, ok := goja.AssertFunction(extra); ok {
			var err error
			if extra, err = fn(c.obj, vm.ToValue(locals), c.obj); err != nil {
				return vm.jsError(err, 0)
			}
		}
		h = Helpers{vm.assign(vm.helpers, extra)}
		return nil
	})
	if err != nil {
		return Helpers{}, fmt.Errorf("%s: helpers: %w", c.File, err)
	}
	return h, nil
}

// assign is Object.assign({}, ...srcs): a new object with the own
// enumerable properties of each object in srcs, later ones over earlier
// ones; a value that is not an object adds nothing.
func (vm *VM) assign(srcs ...goja.Value) *goja.Object {
	out := vm.rt.NewObject()
	for _, src := range srcs {
		if o, ok := src.(*goja.Object); ok {
			for _, k := range o.Keys() {
				_ = out.Set(k, o.Get(k))
			}
		}
	}
	return out
}

// Helpers is a run's h with the project's .hygen.js helpers merged in, as
// a caller puts it in a template's locals under "h". Any other value named
// h (a flag, a hook's answer) is not: templates then get the runtime's own
// helpers, since hygen sets h after the locals.
type Helpers struct{ v goja.Value }

// Exec returns the `exec` function the file sets, if any, as a Go function
// that runs a command through it: hygen runs each sh: command with
// config.exec(command, body) and awaits it, so a project can replace how
// (or whether) commands run. Nil when the file sets none.
func (vm *VM) Exec(c *ProjectConfig) func(command, input string) error {
	if c == nil {
		return nil
	}
	fn, ok := goja.AssertFunction(c.view.Get("exec"))
	if !ok {
		return nil
	}
	return func(command, input string) (err error) {
		defer vm.guard(vm.ctx)()
		v, err := fn(goja.Undefined(), vm.rt.ToValue(command), vm.rt.ToValue(input))
		if err == nil {
			_, err = vm.Await(v)
		}
		if err != nil {
			return &ExecError{Err: fmt.Errorf("%s: exec: %w", c.File, vm.jsError(err, 0)), Stderr: thrownStderr(err)}
		}
		return nil
	}
}

// ExecError is a .hygen.js exec that threw or rejected. Stderr is the
// thrown value's stderr property as a string ("undefined" without one),
// which hygen logs when a command fails.
type ExecError struct {
	Err    error
	Stderr string
}

func (e *ExecError) Error() string { return e.Err.Error() }
func (e *ExecError) Unwrap() error { return e.Err }

// thrownStderr is String(value.stderr) of what err threw or rejected with.
func thrownStderr(err error) string {
	var v goja.Value
	var ex *goja.Exception
	var rej *rejection
	switch {
	case errors.As(err, &ex):
		v = ex.Value()
	case errors.As(err, &rej):
		v = rej.value
	}
	if obj, ok := v.(*goja.Object); ok {
		if s := obj.Get("stderr"); s != nil {
			return s.String()
		}
	}
	return "undefined"
}

// loggerSource is hygen's Logger class (see logger.js).
//
//go:embed logger.js
var loggerSource string

var loggerProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("logger.js", loggerSource, true)
})

// newLogger makes hygen's logger. It writes with a console of its own, as
// hygen's was bound to console.log before .hygen.js could replace it.
func (vm *VM) newLogger() (goja.Value, error) {
	return vm.catch(func() goja.Value {
		fn, err := vm.rt.RunProgram(loggerProgram())
		if err != nil {
			vm.throw(err)
		}
		construct, _ := goja.AssertFunction(fn)
		logger, err := construct(goja.Undefined(), vm.newConsole())
		if err != nil {
			vm.throw(err)
		}
		return logger
	})
}

// liveEnv is the variable key as the scripts' process.env holds it now,
// with what they set or deleted ("" when unset); getenv's before a script
// has reached process.
func (vm *VM) liveEnv(key string) string {
	if vm.process == nil {
		return vm.getenv(key)
	}
	env, ok := vm.process.Get("env").(*goja.Object)
	if !ok {
		return ""
	}
	if v := env.Get(key); v != nil && !goja.IsUndefined(v) {
		return v.String()
	}
	return ""
}

// getenv is the value of the variable key in the environment the run's
// scripts see ("" when it is not set).
func (vm *VM) getenv(key string) string {
	for _, kv := range vm.given() {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}
