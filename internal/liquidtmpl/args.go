package liquidtmpl

import (
	"reflect"
	"strings"

	liquidstd "github.com/osteele/liquid/filters"
	"github.com/osteele/liquid/values"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// liquidFilters are Liquid's filters, osteele/liquid's with ours over
// them, each taking its arguments as liquidArgs says.
func liquidFilters() map[string]any {
	set := filterSet{}
	liquidstd.AddStandardFilters(set)
	for name, f := range standardFilters() {
		set[name] = f
	}
	for name, f := range moreFilters() {
		set[name] = f
	}
	for name, f := range set {
		set[name] = liquidArgs(f)
	}
	return set
}

type filterSet map[string]any

func (s filterSet) AddFilter(name string, f any) { s[name] = f }

// liquidArgs is filter f taking its input and arguments as liquidjs's
// filters take theirs: text is what liquidText makes of the value (an
// array's items joined, where osteele/liquid wrote Go's "[b a c]"), and an
// undefined variable as an optional argument at the end counts as not given
// (osteele/liquid failed with "can't convert <nil>(<nil>) to type int",
// naming no variable). An undefined variable is already empty text and 0
// for a number.
func liquidArgs(f any) func(v any, args ...any) (any, error) {
	fn := reflect.ValueOf(f)
	t := fn.Type()
	return func(v any, args ...any) (any, error) {
		all := append([]any{v}, args...)
		if !t.IsVariadic() && len(all) > t.NumIn() {
			all = all[:t.NumIn()] // liquidjs ignores arguments a filter does not take
		}
		for n := len(all); n > 1 && n <= t.NumIn() && all[n-1] == nil && t.In(n-1).Kind() == reflect.Func; n-- {
			all = all[:n-1]
		}
		for i, a := range all {
			// A range is the list of its numbers, as in liquidjs:
			// osteele/liquid's filters took it for one value ((1..3) |
			// join was "[object Object]", size 0).
			if r, ok := a.(values.Range); ok {
				all[i] = r.AsArray()
			}
			if i < t.NumIn() && !(t.IsVariadic() && i == t.NumIn()-1) && t.In(i).Kind() == reflect.String {
				all[i] = liquidText(all[i])
			}
		}
		return values.Call(fn, all)
	}
}

// liquidText is v as text, as liquidjs's filters take it: nothing is "", an
// array its items' text with nothing between them (["b","a","c"] is "bac",
// as Liquid prints it), anything else what JavaScript's String() makes of
// it ("[object Object]" for an object).
func liquidText(v any) string {
	switch x := jsData(v).(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		var b strings.Builder
		for _, item := range x {
			b.WriteString(liquidText(item))
		}
		return b.String()
	default:
		return jsvalue.ToString(x)
	}
}
