package jsrt

import (
	_ "embed"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/inflect"
)

// newInflection builds h.inflection: npm inflection 1.13's functions, in the
// order that module defines them (Object.keys and for-in see that order),
// then hygen's undasherize. inflection calls string methods on its argument,
// so anything but a string throws a TypeError, as it does there.
func newInflection(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	str := func(call goja.FunctionCall, fn string) string {
		s, ok := call.Argument(0).Export().(string)
		if !ok {
			panic(rt.NewTypeError("inflection." + fn + ": expected a string, got " + received(call.Argument(0))))
		}
		return s
	}
	truthy := func(call goja.FunctionCall, i int) bool { return call.Argument(i).ToBoolean() }
	set := func(name string, f func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	text := func(name string, f func(call goja.FunctionCall) string) {
		set(name, func(call goja.FunctionCall) goja.Value { return rt.ToValue(f(call)) })
	}
	word := func(name string, f func(string) string) {
		text(name, func(c goja.FunctionCall) string { return f(str(c, name)) })
	}
	// explicit is the override of inflection's _apply_rules: an explicit
	// form, when given, is returned as it is and the word is never read, so
	// any value will do there; otherwise word converts the first argument.
	explicit := func(call goja.FunctionCall, name string, form goja.Value, word func(string, ...string) string) goja.Value {
		if form.ToBoolean() {
			return form
		}
		return rt.ToValue(word(str(call, name)))
	}
	later := inflectionLoops(rt, o)
	set("_apply_rules", later("_apply_rules"))
	set("indexOf", later("indexOf"))
	set("pluralize", func(c goja.FunctionCall) goja.Value {
		return explicit(c, "pluralize", c.Argument(1), inflect.Pluralize)
	})
	set("singularize", func(c goja.FunctionCall) goja.Value {
		return explicit(c, "singularize", c.Argument(1), inflect.Singularize)
	})
	// inflect(str, count, singular, plural) returns str as it is when count
	// is not a number.
	set("inflect", func(c goja.FunctionCall) goja.Value {
		count, ok := jsParseFloat(c.Argument(1).String())
		if !ok {
			return c.Argument(0) // parseFloat gave NaN
		}
		if count == 1 {
			return explicit(c, "inflect", c.Argument(2), inflect.Singularize)
		}
		return explicit(c, "inflect", c.Argument(3), inflect.Pluralize)
	})
	text("camelize", func(c goja.FunctionCall) string { return inflect.Camelize(str(c, "camelize"), truthy(c, 1)) })
	text("underscore", func(c goja.FunctionCall) string { return inflect.Underscore(str(c, "underscore"), truthy(c, 1)) })
	text("humanize", func(c goja.FunctionCall) string { return inflect.Humanize(str(c, "humanize"), truthy(c, 1)) })
	word("capitalize", inflect.Capitalize)
	word("dasherize", inflect.Dasherize)
	word("titleize", inflect.Titleize)
	word("demodulize", inflect.Demodulize)
	word("tableize", inflect.Tableize)
	word("classify", inflect.Classify)
	text("foreign_key", func(c goja.FunctionCall) string { return inflect.ForeignKey(str(c, "foreign_key"), truthy(c, 1)) })
	word("ordinalize", inflect.Ordinalize)
	set("transform", later("transform"))
	_ = o.Set("version", inflectionVersion)
	// hygen adds undasherize: "foo-bar_baz" -> "FooBarBaz".
	text("undasherize", func(c goja.FunctionCall) string {
		out, err := inflect.Undasherize(str(c, "undasherize"))
		if err != nil {
			panic(rt.NewTypeError(err.Error()))
		}
		return out
	})
	nameFunctions(rt, o, func(key string) (string, int) {
		switch key {
		case "undasherize": // hygen's own, an anonymous function
			return "", 1
		case "_apply_rules", "indexOf", "inflect":
			return key, 4
		case "pluralize", "singularize", "camelize", "underscore", "humanize", "foreign_key", "transform":
			return key, 2
		}
		return key, 1
	})
	return o
}

// inflectionVersion is what npm inflection 1.13.4, the release hygen 6.2
// installs, reports as its version (the module was not bumped past 1.13.1).
const inflectionVersion = "1.13.1"

// inflectionLoopsSource is inflection's three functions that loop over
// values the caller passes, written in JavaScript so that the time limit's
// interrupt can stop a loop over an array-like with a huge length, which a
// loop in Go would run to the end:
//   - _apply_rules(str, rules, skip, override): the override if truthy, str
//     if its lower case is in skip, else str rewritten by the first
//     [pattern, replacement] of rules that str.match finds;
//   - indexOf(arr, item, from, compare): the first index from from (-1 when
//     falsy, so arr[-1] is looked at too) where arr holds item (===) or
//     compare(arr[i], item) is truthy, else -1;
//   - transform(str, names): str passed through each named own property of
//     the module in turn, whatever each returns.
//
//go:embed inflection.js
var inflectionLoopsSource string

var inflectionLoopsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("inflection.js", inflectionLoopsSource, false)
})

// inflectionLoops returns, for a name in inflectionLoopsSource, a native
// function that runs that JavaScript function with its own this and
// arguments. The source is compiled and run on the first call of any of
// them: templates seldom call them, and a cold run should not pay for it.
func inflectionLoops(rt *goja.Runtime, inflector *goja.Object) func(name string) func(goja.FunctionCall) goja.Value {
	var loops *goja.Object
	return func(name string) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			if loops == nil {
				made, err := rt.RunProgram(inflectionLoopsProgram())
				if err != nil {
					panic(err)
				}
				build, _ := goja.AssertFunction(made)
				v, err := build(goja.Undefined(), inflector)
				if err != nil {
					panic(err)
				}
				loops = v.ToObject(rt)
			}
			fn, _ := goja.AssertFunction(loops.Get(name))
			out, err := fn(c.This, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return out
		}
	}
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
	// then makes 18 function objects instead of 40. The names come in the
	// module's key order: `exports.no = exports.noCase = …` sets noCase
	// first.
	add := func(f func(goja.FunctionCall) goja.Value, names ...string) {
		fn := rt.ToValue(f)
		for _, n := range names {
			_ = o.Set(n, fn)
		}
	}
	// The second argument is the locale, a key of upper-case's and
	// lower-case's rule tables (so ["tr"] is "tr" too).
	locale := func(call goja.FunctionCall) inflect.Locale {
		switch v := call.Argument(1).(type) {
		case *goja.Object:
			return inflect.Locale(v.String())
		default:
			l, _ := v.Export().(string)
			return inflect.Locale(l)
		}
	}
	str := func(f func(inflect.Locale, string) string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value { return rt.ToValue(f(locale(call), arg(call))) }
	}
	// no-case's third argument joins the words when it is a string; its
	// callers pass their own.
	no := func(call goja.FunctionCall) goja.Value {
		sep, ok := call.Argument(2).Export().(string)
		if !ok {
			sep = " "
		}
		return rt.ToValue(locale(call).No(arg(call), sep))
	}
	joined := func(sep string) func(goja.FunctionCall) goja.Value {
		return str(func(l inflect.Locale, s string) string { return l.No(s, sep) })
	}
	// camel and pascal take (value, locale, mergeNumbers).
	merging := func(f func(inflect.Locale, string, bool) string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			return rt.ToValue(f(locale(call), arg(call), call.Argument(2).ToBoolean()))
		}
	}
	// isUpper and isLower compare the converted text with the argument
	// itself (===), so anything but a string is false.
	test := func(f func(inflect.Locale, string) bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			_, isString := call.Argument(0).Export().(string)
			return rt.ToValue(isString && f(locale(call), arg(call)))
		}
	}
	add(no, "noCase", "no")
	add(joined("."), "dotCase", "dot")
	add(swap(rt, locale), "swapCase", "swap")
	add(joined("/"), "pathCase", "path")
	add(str(inflect.Locale.Upper), "upperCase", "upper")
	add(str(inflect.Locale.Lower), "lowerCase", "lower")
	add(merging(inflect.Locale.Camel), "camelCase", "camel")
	add(joined("_"), "snakeCase", "snake")
	add(str(inflect.Locale.Title), "titleCase", "title")
	add(joined("-"), "paramCase", "param", "kebabCase", "kebab", "hyphenCase", "hyphen")
	add(str(inflect.Locale.Header), "headerCase", "header")
	add(merging(inflect.Locale.Pascal), "pascalCase", "pascal")
	add(str(inflect.Locale.Constant), "constantCase", "constant")
	add(str(inflect.Locale.Sentence), "sentenceCase", "sentence")
	add(test(inflect.Locale.IsUpper), "isUpperCase", "isUpper")
	add(test(inflect.Locale.IsLower), "isLowerCase", "isLower")
	add(str(inflect.Locale.UpperFirst), "upperCaseFirst", "ucFirst")
	add(str(inflect.Locale.LowerFirst), "lowerCaseFirst", "lcFirst")
	// change-case 3's modules each export an anonymous function of
	// (value, locale), camel and pascal taking mergeNumbers too and no case
	// the replacement.
	nameFunctions(rt, o, func(key string) (string, int) {
		switch key {
		case "noCase", "no", "camelCase", "camel", "pascalCase", "pascal":
			return "", 3
		}
		return "", 2
	})
	return o
}

// maxSwapLength bounds the elements swap walks of a value that is not a
// string.
const maxSwapLength = 1 << 20

// swap is change-case 3's swapCase (swap-case 1), which alone does not
// convert its argument with String(): it walks value.length and value[i],
// so a number is "" and an array has each element swapped on its own.
func swap(rt *goja.Runtime, locale func(goja.FunctionCall) inflect.Locale) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		l := locale(call)
		if s, ok := v.Export().(string); ok {
			return rt.ToValue(l.Swap(s))
		}
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return rt.ToValue("")
		}
		obj := v.ToObject(rt)
		length := obj.Get("length")
		if length == nil || goja.IsUndefined(length) {
			return rt.ToValue("")
		}
		n := length.ToFloat() // NaN walks nothing, as i < NaN is false
		if n > maxSwapLength {
			// The loop runs in Go, where the time limit cannot stop it.
			panic(rt.NewTypeError("changeCase.swap: a value with length %v is more than hypergen walks (%d)", length, maxSwapLength))
		}
		var b strings.Builder
		for i := int64(0); float64(i) < n; i++ {
			c := obj.Get(strconv.FormatInt(i, 10))
			if c == nil || goja.IsUndefined(c) || goja.IsNull(c) {
				continue // upper-case gives "" for them, which is not ===
			}
			up := l.Upper(c.String())
			if s, ok := c.Export().(string); ok && s == up {
				up = l.Lower(s)
			}
			b.WriteString(up)
		}
		return rt.ToValue(b.String())
	}
}
