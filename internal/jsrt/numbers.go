package jsrt

import (
	"math"

	"github.com/dop251/goja"
)

// mendNumberFormats mends goja's toPrecision and toExponential of a
// negative number whose rounding carries into a new digit: (-9.96)
// .toPrecision(2) gave ".0.0" for "-10", and its toString of a negative
// number above -1 in a radix, which lost the sign with the integer part of
// -0: (-0.5).toString(2) gave "0.1" for "-0.1". The number's absolute value
// formats correctly, and the sign goes before it. toString in a radix
// other than 10 is V8's algorithm (radixString): goja's gave other last
// digits for fractions and large numbers. Installed only where code names
// one of them (see VM.use): touching Number's prototype makes goja build it.
func (vm *VM) mendNumberFormats() {
	rt := vm.rt
	proto := rt.Get("Number").ToObject(rt).Get("prototype").ToObject(rt)
	for _, name := range []string{"toPrecision", "toExponential", "toString"} {
		orig, ok := goja.AssertFunction(proto.Get(name))
		if !ok {
			continue
		}
		fixed := rt.ToValue(func(call goja.FunctionCall) goja.Value {
			this := call.This
			if o, ok := this.(*goja.Object); ok && o.ClassName() == "Number" {
				this = o.ToNumber()
			}
			args := call.Arguments
			if name == "toString" && goja.IsNumber(this) && !goja.IsUndefined(call.Argument(0)) {
				// The radix converted once, here: goja would convert it again.
				radix := call.Argument(0).ToInteger()
				if x := this.ToFloat(); radix >= 2 && radix <= 36 && radix != 10 && !math.IsInf(x, 0) && !math.IsNaN(x) {
					return rt.ToValue(radixString(x, int(radix)))
				}
				args = []goja.Value{rt.ToValue(radix)}
			}
			if goja.IsNumber(this) && this.ToFloat() < 0 {
				r, err := orig(rt.ToValue(-this.ToFloat()), args...)
				if err != nil {
					panic(err)
				}
				return rt.ToValue("-" + r.String())
			}
			r, err := orig(call.This, args...)
			if err != nil {
				panic(err)
			}
			return r
		}).ToObject(rt)
		_ = proto.DefineDataProperty(name, named(rt, fixed, name, 1), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}
