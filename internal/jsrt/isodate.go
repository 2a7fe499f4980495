package jsrt

import (
	"strings"

	"github.com/dop251/goja"
)

// mendISOYears makes Date.prototype.toISOString, and so toJSON, which
// calls it, write a year outside 0000..9999 as V8 does, signed with six
// digits (-000001, +010000), the form ECMA-262 gives such years and that
// Date parses: goja signs years down to -9999 with four digits and those
// past 9999 with five.
func (vm *VM) mendISOYears(date *goja.Object) {
	orig, _ := goja.AssertFunction(date.Get("toISOString"))
	fn := vm.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		vm.dateReceiver("toISOString", call.This)
		v := callThrough(orig, call)
		s := v.String()
		if s == "" || s[0] != '-' && s[0] != '+' {
			return v
		}
		year, rest, _ := strings.Cut(s[1:], "-")
		return vm.rt.ToValue(s[:1] + strings.Repeat("0", max(0, 6-len(year))) + year + "-" + rest)
	}).ToObject(vm.rt)
	_ = date.DefineDataProperty("toISOString", named(vm.rt, fn, "toISOString", 0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
