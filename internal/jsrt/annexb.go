package jsrt

import (
	"math"
	"unicode/utf16"

	"github.com/dop251/goja"
)

// annexBNames are the legacy methods of ECMA-262's Annex B that V8 has and
// goja lacks: String's HTML methods and Date's two-digit years. Code that
// names one of them gets them (featAnnexB).
var annexBNames = []string{"anchor", "big", "blink", "bold", "fixed", "fontcolor", "fontsize", "italics", "link",
	"small", "strike", "sub", "sup", "getYear", "setYear", "toGMTString"}

// htmlMethods are String.prototype's HTML methods: the tag each wraps the
// string in, and the attribute its argument gives.
var htmlMethods = []struct{ name, tag, attr string }{
	{"anchor", "a", "name"}, {"big", "big", ""}, {"blink", "blink", ""}, {"bold", "b", ""}, {"fixed", "tt", ""},
	{"fontcolor", "font", "color"}, {"fontsize", "font", "size"}, {"italics", "i", ""}, {"link", "a", "href"},
	{"small", "small", ""}, {"strike", "strike", ""}, {"sub", "sub", ""}, {"sup", "sup", ""},
}

// installAnnexB adds annexBNames: non-enumerable, as built-in methods are.
func (vm *VM) installAnnexB() {
	rt := vm.rt
	define := func(proto *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) {
		f := named(rt, rt.ToValue(fn).ToObject(rt), name, length)
		_ = proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	str := rt.Get("String").ToObject(rt).Get("prototype").ToObject(rt)
	for _, m := range htmlMethods {
		length := 0
		if m.attr != "" {
			length = 1
		}
		define(str, m.name, length, func(call goja.FunctionCall) goja.Value {
			if goja.IsUndefined(call.This) || goja.IsNull(call.This) {
				panic(rt.NewTypeError("String.prototype." + m.name + " called on null or undefined"))
			}
			return vm.htmlTag(call.This, m.tag, m.attr, call.Argument(0))
		})
	}
	date := rt.Get("Date").ToObject(rt).Get("prototype").ToObject(rt)
	// toGMTString is toUTCString itself, as the standard has it.
	_ = date.DefineDataProperty("toGMTString", date.Get("toUTCString"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	getFullYear, _ := goja.AssertFunction(date.Get("getFullYear"))
	setFullYear, _ := goja.AssertFunction(date.Get("setFullYear"))
	define(date, "getYear", 0, func(call goja.FunctionCall) goja.Value {
		vm.dateReceiver("getYear", call.This)
		y, err := getFullYear(call.This)
		if err != nil {
			panic(err)
		}
		return rt.ToValue(y.ToFloat() - 1900)
	})
	// setYear(y) is setFullYear(1900 + y) for a y from 0 to 99 (its
	// fraction dropped), setFullYear(y) for any other.
	define(date, "setYear", 1, func(call goja.FunctionCall) goja.Value {
		vm.dateReceiver("setYear", call.This)
		y := call.Argument(0).ToFloat()
		if i := math.Trunc(y); i >= 0 && i <= 99 {
			y = 1900 + i
		}
		r, err := setFullYear(call.This, rt.ToValue(y))
		if err != nil {
			panic(err)
		}
		return r
	})
}

// htmlTag is <tag attr="arg">this</tag>, this and arg converted to
// strings and the arg's double quotes written &quot;, in UTF-16 so that
// no lone surrogate is lost.
func (vm *VM) htmlTag(this goja.Value, tag, attr string, arg goja.Value) goja.Value {
	s := vm.utf16Of(this)
	var out []uint16
	add := func(ascii string) {
		for i := 0; i < len(ascii); i++ {
			out = append(out, uint16(ascii[i]))
		}
	}
	add("<" + tag)
	if attr != "" {
		add(" " + attr + `="`)
		for _, c := range vm.utf16Of(arg) {
			if c == '"' {
				add("&quot;")
			} else {
				out = append(out, c)
			}
		}
		add(`"`)
	}
	add(">")
	out = append(out, s...)
	add("</" + tag + ">")
	return goja.StringFromUTF16(out)
}

// utf16Of is String(v) in UTF-16.
func (vm *VM) utf16Of(v goja.Value) []uint16 {
	p := v.ToString() // a string, or the primitive an object converts to
	if _, ok := p.(*goja.Symbol); ok {
		panic(vm.rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	s, ok := p.(goja.String)
	if !ok {
		return utf16.Encode([]rune(p.String()))
	}
	u := make([]uint16, s.Length())
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u
}

// dateReceiver throws V8's TypeError when this is not a Date.
func (vm *VM) dateReceiver(method string, this goja.Value) {
	if o, ok := this.(*goja.Object); ok && o.ClassName() == "Date" {
		return
	}
	panic(vm.rt.NewTypeError("Method Date.prototype." + method + " called on incompatible receiver " + receiverText(this)))
}

// receiverText is how V8 names a receiver in such a message: a primitive
// as a string, an object by its constructor, #<Foo>.
func receiverText(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	if o.ClassName() == "Array" {
		return "[object Array]"
	}
	if c, ok := o.Get("constructor").(*goja.Object); ok {
		if name := c.Get("name"); name != nil && goja.IsString(name) && name.String() != "" {
			return "#<" + name.String() + ">"
		}
	}
	return "[object Object]"
}
