package jsrt

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// secretName matches environment variable names whose values are
// credentials: hypergen's own agent token, anything named like a token,
// secret, password, credential or key, and the OpenTelemetry exporter
// headers, which carry authorization.
var secretName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|^OTEL_EXPORTER_OTLP_(TRACES_|METRICS_|LOGS_)?HEADERS$`)
})

// ScriptEnv is the environment templates, hooks and .hygen.js see as
// process.env: environ (KEY=value entries, as os.Environ gives them) without
// the variables whose names say they hold secrets (see secretName). hygen
// templates do read ordinary variables (process.env.USER, HOME, NODE_ENV),
// so those stay.
func ScriptEnv(environ []string) []string {
	out := make([]string, 0, len(environ))
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !secretName().MatchString(name) {
			out = append(out, kv)
		}
	}
	return out
}

// EnvChanges returns what the VM's JavaScript did to process.env, against
// the environment it was given (Setup.Env): the variables it set or
// changed, and those it deleted. Both are empty when it never touched
// process. hygen's hooks and .hygen.js change the real environment of the
// Node process, so the commands of its sh: templates see the changes.
// Reading it runs JavaScript when a script made process.env a Proxy or
// gave it getters, so it does under the run's limits: err is what threw,
// or the time limit a trap that never ends ran into.
func (vm *VM) EnvChanges() (set map[string]string, unset []string, err error) {
	if vm.process == nil || vm.setup.Env == nil {
		return nil, nil, nil
	}
	defer vm.guard(vm.ctx)()
	_, err = vm.catch(func() goja.Value {
		set, unset = vm.envChanges()
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading process.env: %w", err)
	}
	return set, unset, nil
}

func (vm *VM) envChanges() (set map[string]string, unset []string) {
	env, ok := vm.process.Get("env").(*goja.Object)
	if !ok {
		return nil, nil
	}
	given := map[string]string{}
	for _, kv := range vm.given() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			given[k] = v
		}
	}
	for _, k := range env.Keys() {
		v := env.Get(k).String()
		if old, ok := given[k]; !ok || old != v {
			if set == nil {
				set = map[string]string{}
			}
			set[k] = v
		}
		delete(given, k)
	}
	for k := range given {
		unset = append(unset, k)
	}
	slices.Sort(unset)
	return set, unset
}

// given is the environment the VM was given (Setup.Env), asked for once:
// process.env, EnvChanges and the .hygen.js config all read it.
func (vm *VM) given() []string {
	if vm.environ == nil && vm.setup.Env != nil {
		vm.environ = vm.setup.Env()
	}
	return vm.environ
}

// nodeEnv is process.env as Node makes it: whatever a script assigns is
// stored as a string (process.env.PORT = 3000 reads back "3000", and
// undefined "undefined"), in the order the variables were set.
type nodeEnv struct {
	rt   *goja.Runtime
	keys []string
	vals map[string]goja.Value
}

func newNodeEnv(rt *goja.Runtime, environ []string) *goja.Object {
	e := &nodeEnv{rt: rt, keys: make([]string, 0, len(environ)), vals: make(map[string]goja.Value, len(environ))}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			e.put(k, rt.ToValue(v))
		}
	}
	return rt.NewDynamicObject(e)
}

func (e *nodeEnv) put(k string, v goja.Value) {
	if _, ok := e.vals[k]; !ok {
		e.keys = append(e.keys, k)
	}
	e.vals[k] = v
}

func (e *nodeEnv) Get(k string) goja.Value { return e.vals[k] }

func (e *nodeEnv) Set(k string, v goja.Value) bool {
	if _, ok := v.(*goja.Symbol); ok {
		panic(e.rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	e.put(k, e.rt.ToValue(v.String()))
	return true
}

func (e *nodeEnv) Has(k string) bool {
	_, ok := e.vals[k]
	return ok
}

func (e *nodeEnv) Delete(k string) bool {
	if _, ok := e.vals[k]; ok {
		delete(e.vals, k)
		e.keys = slices.DeleteFunc(e.keys, func(x string) bool { return x == k })
	}
	return true
}

func (e *nodeEnv) Keys() []string { return slices.Clone(e.keys) }
