package jsrt

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/inflect"
)

// newInflection builds h.inflection. npm inflection calls string methods on
// its argument, so anything but a string throws a TypeError, as it does there.
func newInflection(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	str := func(call goja.FunctionCall, fn string) string {
		s, ok := call.Argument(0).Export().(string)
		if !ok {
			panic(rt.NewTypeError("inflection." + fn + ": expected a string, got " + typeName(call.Argument(0))))
		}
		return s
	}
	truthy := func(call goja.FunctionCall, i int) bool { return call.Argument(i).ToBoolean() }
	set := func(name string, f func(call goja.FunctionCall) string) {
		_ = o.Set(name, func(call goja.FunctionCall) goja.Value { return rt.ToValue(f(call)) })
	}
	// explicit is inflection's _apply_rules: an explicit form, when given,
	// is returned as it is and the word is never read, so any value will do
	// there; otherwise word converts the first argument.
	explicit := func(call goja.FunctionCall, name string, form goja.Value, word func(string, ...string) string) goja.Value {
		if form.ToBoolean() {
			return form
		}
		return rt.ToValue(word(str(call, name)))
	}
	// pluralize(str, plural) and singularize(str, singular).
	_ = o.Set("pluralize", func(c goja.FunctionCall) goja.Value {
		return explicit(c, "pluralize", c.Argument(1), inflect.Pluralize)
	})
	_ = o.Set("singularize", func(c goja.FunctionCall) goja.Value {
		return explicit(c, "singularize", c.Argument(1), inflect.Singularize)
	})
	set("camelize", func(c goja.FunctionCall) string { return inflect.Camelize(str(c, "camelize"), truthy(c, 1)) })
	set("underscore", func(c goja.FunctionCall) string { return inflect.Underscore(str(c, "underscore"), truthy(c, 1)) })
	set("humanize", func(c goja.FunctionCall) string { return inflect.Humanize(str(c, "humanize"), truthy(c, 1)) })
	set("foreign_key", func(c goja.FunctionCall) string { return inflect.ForeignKey(str(c, "foreign_key"), truthy(c, 1)) })
	for name, f := range map[string]func(string) string{
		"capitalize": inflect.Capitalize, "dasherize": inflect.Dasherize, "titleize": inflect.Titleize,
		"demodulize": inflect.Demodulize, "tableize": inflect.Tableize, "classify": inflect.Classify,
		"ordinalize": inflect.Ordinalize,
	} {
		set(name, func(c goja.FunctionCall) string { return f(str(c, name)) })
	}
	// inflect(str, count, singular, plural) returns str as it is when count
	// is not a number.
	_ = o.Set("inflect", func(c goja.FunctionCall) goja.Value {
		count, ok := jsParseFloat(c.Argument(1).String())
		if !ok {
			return c.Argument(0) // parseFloat gave NaN
		}
		if count == 1 {
			return explicit(c, "inflect", c.Argument(2), inflect.Singularize)
		}
		return explicit(c, "inflect", c.Argument(3), inflect.Pluralize)
	})
	// hygen adds undasherize: "foo-bar_baz" -> "FooBarBaz".
	set("undasherize", func(c goja.FunctionCall) string {
		out, err := inflect.Undasherize(str(c, "undasherize"))
		if err != nil {
			panic(rt.NewTypeError(err.Error()))
		}
		return out
	})
	set("transform", func(c goja.FunctionCall) string {
		s := c.Argument(0)
		steps := c.Argument(1).ToObject(rt)
		n := int(steps.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			name := steps.Get(strconv.Itoa(i)).String()
			if fn, ok := goja.AssertFunction(o.Get(name)); ok && name != "transform" {
				v, err := fn(goja.Undefined(), s)
				if err != nil {
					panic(err)
				}
				s = v
			}
		}
		return s.String()
	})
	return o
}

// parseFloatPrefix matches what JavaScript's parseFloat reads.
var parseFloatPrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[+-]?(?:Infinity|[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)`)
})

// jsParseFloat is JavaScript's parseFloat; ok is false where it gives NaN.
func jsParseFloat(s string) (float64, bool) {
	m := parseFloatPrefix().FindString(strings.TrimLeft(s, " \t\n\r\v\f"))
	if m == "" {
		return 0, false
	}
	switch m {
	case "Infinity", "+Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	f, _ := strconv.ParseFloat(m, 64)
	return f, true
}

// newChangeCase builds h.changeCase (change-case 3.x): null and undefined
// give "", anything else is converted with String() first.
func newChangeCase(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	arg := func(call goja.FunctionCall) string {
		v := call.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	// One function object for all of a function's names, as change-case
	// exports them (h.changeCase.kebab === h.changeCase.paramCase); a runtime
	// then makes 18 function objects instead of 40.
	add := func(f func(goja.FunctionCall) goja.Value, names ...string) {
		fn := rt.ToValue(f)
		for _, n := range names {
			_ = o.Set(n, fn)
		}
	}
	str := func(f func(string) string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value { return rt.ToValue(f(arg(call))) }
	}
	// camel and pascal take (value, locale, mergeNumbers).
	merging := func(f func(string, bool) string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value { return rt.ToValue(f(arg(call), call.Argument(2).ToBoolean())) }
	}
	// isUpper and isLower compare the converted text with the argument
	// itself (===), so anything but a string is false.
	test := func(f func(string) bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			_, isString := call.Argument(0).Export().(string)
			return rt.ToValue(isString && f(arg(call)))
		}
	}
	add(str(inflect.No), "no", "noCase")
	add(str(inflect.Dot), "dot", "dotCase")
	add(str(inflect.Swap), "swap", "swapCase")
	add(str(inflect.Path), "path", "pathCase")
	add(str(inflect.Upper), "upper", "upperCase")
	add(str(inflect.Lower), "lower", "lowerCase")
	add(merging(inflect.Camel), "camel", "camelCase")
	add(str(inflect.Snake), "snake", "snakeCase")
	add(str(inflect.Title), "title", "titleCase")
	add(str(inflect.Param), "param", "paramCase", "kebab", "kebabCase", "hyphen", "hyphenCase")
	add(str(inflect.Header), "header", "headerCase")
	add(merging(inflect.Pascal), "pascal", "pascalCase")
	add(str(inflect.Constant), "constant", "constantCase")
	add(str(inflect.Sentence), "sentence", "sentenceCase")
	add(test(inflect.IsUpper), "isUpper", "isUpperCase")
	add(test(inflect.IsLower), "isLower", "isLowerCase")
	add(str(inflect.UpperFirst), "ucFirst", "upperCaseFirst")
	add(str(inflect.LowerFirst), "lcFirst", "lowerCaseFirst")
	return o
}
