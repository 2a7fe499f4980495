package jsrt

import (
	"unicode/utf16"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/inflect"
	"github.com/hypergen-dev/hypergen/internal/nodepath"
)

// newHelpers builds the `h` object hygen gives every template: capitalize,
// inflection, changeCase and path.
func newHelpers(rt *goja.Runtime, cwd string) goja.Value {
	h := rt.NewObject()
	_ = h.Set("capitalize", named(rt, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(Capitalize(call.Argument(0).String()))
	}).ToObject(rt), "capitalize", 1))
	// Each group is dozens of native functions; a template uses one or
	// none, and every runtime (one per render worker) would build them all.
	lazyProperty(rt, h, "inflection", goja.FLAG_TRUE, func() goja.Value { return newInflection(rt) })
	lazyProperty(rt, h, "changeCase", goja.FLAG_TRUE, func() goja.Value { return newChangeCase(rt) })
	lazyProperty(rt, h, "path", goja.FLAG_TRUE, func() goja.Value { return newPath(rt, cwd) })
	return h
}

// Capitalize is hygen's h.capitalize: the first UTF-16 unit upper-cased.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	u := utf16.Encode([]rune(s))
	first := string(utf16.Decode(u[:1]))
	if len(u) > 1 && utf16.IsSurrogate(rune(u[0])) {
		return s // an astral first character is half a pair to JavaScript: left alone
	}
	// JavaScript's toUpperCase, which expands ß to SS and ﬁ to FI; Go's
	// maps rune for rune.
	return inflect.Upper(first) + string(utf16.Decode(u[1:]))
}

// stringArgs converts the arguments of a Node path function, which throws a
// TypeError for anything but strings.
func stringArgs(rt *goja.Runtime, fn string, args []goja.Value) []string {
	out := make([]string, len(args))
	for i, a := range args {
		s, ok := a.Export().(string)
		if !ok {
			panic(rt.NewTypeError("The \"path\" argument must be of type string. Received " + received(a) + " (in path." + fn + ")"))
		}
		out[i] = s
	}
	return out
}

func newPath(rt *goja.Runtime, cwd string) *goja.Object {
	p := rt.NewObject()
	one := func(name string, f func(string) string) {
		_ = p.Set(name, func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(f(stringArgs(rt, name, call.Arguments[:min(1, len(call.Arguments))])[0]))
		})
	}
	many := func(name string, f func(...string) string) {
		_ = p.Set(name, func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(f(stringArgs(rt, name, call.Arguments)...))
		})
	}
	// In the order of Node's path module, which Object.keys(h.path) shows.
	many("resolve", func(parts ...string) string { return nodepath.Resolve(cwd, parts...) })
	one("normalize", nodepath.Normalize)
	_ = p.Set("isAbsolute", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(nodepath.IsAbsolute(stringArgs(rt, "isAbsolute", call.Arguments[:min(1, len(call.Arguments))])[0]))
	})
	many("join", nodepath.Join)
	_ = p.Set("relative", func(call goja.FunctionCall) goja.Value {
		args := stringArgs(rt, "relative", []goja.Value{call.Argument(0), call.Argument(1)})
		return rt.ToValue(nodepath.Relative(cwd, args[0], args[1]))
	})
	_ = p.Set("toNamespacedPath", func(call goja.FunctionCall) goja.Value { return call.Argument(0) }) // as on POSIX
	one("dirname", nodepath.Dirname)
	_ = p.Set("basename", func(call goja.FunctionCall) goja.Value {
		// Node checks the suffix first, and an undefined one is no suffix.
		ext := ""
		if s := call.Argument(1); !goja.IsUndefined(s) {
			e, ok := s.Export().(string)
			if !ok {
				panic(rt.NewTypeError("The \"suffix\" argument must be of type string. Received " + received(s) + " (in path.basename)"))
			}
			ext = e
		}
		return rt.ToValue(nodepath.Basename(stringArgs(rt, "basename", []goja.Value{call.Argument(0)})[0], ext))
	})
	one("extname", nodepath.Extname)
	_ = p.Set("format", func(call goja.FunctionCall) goja.Value {
		o := call.Argument(0).ToObject(rt)
		get := func(k string) string {
			v := o.Get(k)
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				return ""
			}
			return v.String()
		}
		return rt.ToValue(nodepath.Format(nodepath.Parsed{Root: get("root"), Dir: get("dir"), Base: get("base"), Ext: get("ext"), Name: get("name")}))
	})
	_ = p.Set("parse", func(call goja.FunctionCall) goja.Value {
		r := nodepath.Parse(stringArgs(rt, "parse", []goja.Value{call.Argument(0)})[0])
		o := rt.NewObject()
		for _, kv := range [][2]string{{"root", r.Root}, {"dir", r.Dir}, {"base", r.Base}, {"ext", r.Ext}, {"name", r.Name}} {
			_ = o.Set(kv[0], kv[1])
		}
		return o
	})
	nameFunctions(rt, p, func(key string) (string, int) {
		switch key {
		case "resolve", "join":
			return key, 0
		case "relative", "basename":
			return key, 2
		case "format":
			return "bound _format", 1
		}
		return key, 1
	})
	_ = p.Set("sep", nodepath.Sep)
	_ = p.Set("delimiter", nodepath.Delimiter)
	_ = p.Set("posix", p)
	_ = p.Set("_makeLong", p.Get("toNamespacedPath")) // Node's old name for it
	return p
}

// nameFunctions gives each function of o the name and length sig says,
// those hygen's helpers have in Node: goja names a function made in Go after
// its Go closure, which printing a helper instead of calling it
// (<%= h.changeCase.camel %>) or its name would show.
func nameFunctions(rt *goja.Runtime, o *goja.Object, sig func(key string) (name string, length int)) {
	for _, k := range o.Keys() {
		if fn, ok := o.Get(k).(*goja.Object); ok {
			if _, isFunc := goja.AssertFunction(fn); isFunc {
				name, length := sig(k)
				named(rt, fn, name, length)
			}
		}
	}
}
