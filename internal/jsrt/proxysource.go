package jsrt

import "github.com/dop251/goja"

// goja shows any Proxy of a function as "function () { [native code] }", as
// V8 does. hypergen puts Proxies in place of built-in constructors (Error
// and its kind in stack.js, RegExp in regexp.js, Buffer in buffer.js),
// which Node shows by name: String(Error) is "function Error() { [native
// code] }". So Function.prototype.toString shows those Proxies as the
// constructors they wrap.

// showAsTarget makes Function.prototype.toString show v, when it is a
// Proxy the runtime put in place of a constructor, as that constructor.
func (vm *VM) showAsTarget(v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	p, ok := o.Export().(goja.Proxy)
	if !ok {
		return // a script replaced the constructor first
	}
	if vm.proxied == nil {
		vm.proxied = map[*goja.Object]*goja.Object{}
		vm.installFunctionSource()
	}
	vm.proxied[o] = p.Target()
}

// installFunctionSource replaces Function.prototype.toString with one that
// shows the runtime's Proxies (proxied) as their targets.
func (vm *VM) installFunctionSource() {
	rt := vm.rt
	proto := rt.Get("Function").ToObject(rt).Get("prototype").ToObject(rt)
	source, ok := goja.AssertFunction(proto.Get("toString"))
	if !ok {
		return
	}
	toString := func(call goja.FunctionCall) goja.Value {
		this := call.This
		if o, ok := this.(*goja.Object); ok && vm.proxied[o] != nil {
			this = vm.proxied[o]
		}
		s, err := source(this)
		if err != nil {
			panic(err)
		}
		return s
	}
	_ = proto.DefineDataProperty("toString", named(rt, rt.ToValue(toString).ToObject(rt), "toString", 0), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}
