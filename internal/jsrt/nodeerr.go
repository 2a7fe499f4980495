package jsrt

import (
	"fmt"
	"math"
	"math/big"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// nodeError is an Error of the constructor ctor ("Error", "TypeError") with
// Node's code property. Node's own argument errors (codes ERR_…) print as
// "TypeError [ERR_INVALID_ARG_TYPE]: …", and hooks test err.code, not the
// text: `if (e.code !== 'MODULE_NOT_FOUND') throw e` is how optional
// packages are loaded.
func (vm *VM) nodeError(ctor, code, msg string) *goja.Object {
	rt := vm.rt
	e, err := rt.New(rt.Get(ctor), rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	_ = e.Set("code", code)
	if strings.HasPrefix(code, "ERR_") {
		_ = e.DefineDataProperty("toString", rt.ToValue(func(call goja.FunctionCall) goja.Value {
			this := call.This.ToObject(rt)
			return rt.ToValue(fmt.Sprintf("%s [%s]: %s", this.Get("name"), this.Get("code"), this.Get("message")))
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return e
}

// pathArg is argument i of a fs call as Node takes a path: a string or a
// Buffer of one, as written (relative to the working folder). Anything
// else is Node's TypeError, rather than a read of "./undefined".
func (vm *VM) pathArg(call goja.FunctionCall, i int) string {
	v := call.Argument(i)
	if s, ok := vm.pathString(v); ok {
		return s
	}
	panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE",
		`The "path" argument must be of type string or an instance of Buffer or URL. Received `+received(v)))
}

// pathString reads a path as Node takes one: a string, a Buffer of one, or
// a file: URL (new URL('./x.json', import.meta.url), as ES modules find
// their files).
func (vm *VM) pathString(v goja.Value) (string, bool) {
	if goja.IsString(v) {
		return v.String(), true
	}
	if b, ok := vm.bufferBytes(v); ok {
		return string(b), true
	}
	if obj, ok := v.(*goja.Object); ok && truthy(obj.Get("href")) && truthy(obj.Get("protocol")) {
		return vm.fileURLPath(obj.Get("href").String()), true
	}
	return "", false
}

// fileURLPath is the path of a file: URL, as url.fileURLToPath gives it;
// any other URL is Node's TypeError.
func (vm *VM) fileURLPath(href string) string {
	u, err := url.Parse(href)
	switch {
	case err != nil || u.Scheme != "file":
		panic(vm.nodeError("TypeError", "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file"))
	case u.Host != "" && u.Host != "localhost":
		panic(vm.nodeError("TypeError", "ERR_INVALID_FILE_URL_HOST", `File URL host must be "localhost" or empty on `+runtime.GOOS))
	case strings.Contains(strings.ToLower(u.EscapedPath()), "%2f"):
		panic(vm.nodeError("TypeError", "ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded / characters"))
	}
	return filepath.FromSlash(u.Path)
}

// bufferBytes returns the bytes of a Buffer or other Uint8Array.
func (vm *VM) bufferBytes(v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	u8, ok := vm.rt.Get("Uint8Array").(*goja.Object)
	if !ok || !vm.rt.InstanceOf(obj, u8) {
		return nil, false
	}
	b, ok := obj.Export().([]byte)
	return b, ok
}

// received describes a wrong argument as Node's messages do: "undefined",
// "type number (5)", "an instance of Object", "function f".
func received(v goja.Value) string {
	switch {
	case goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if obj, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(obj); isFn {
			return "function " + obj.Get("name").String()
		}
		if c, ok := obj.Get("constructor").(*goja.Object); ok {
			if name := c.Get("name"); name != nil && name.String() != "" {
				return "an instance of " + name.String()
			}
		}
		return "an object"
	}
	var shown string
	switch x := v.Export().(type) {
	case string:
		if len(x) > 25 {
			x = x[:25] + "..."
		}
		shown = "'" + x + "'"
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) || x != math.Trunc(x) {
			shown = v.String()
		} else {
			shown = strconv.FormatFloat(x, 'f', -1, 64)
		}
	default:
		shown = v.String()
	}
	return fmt.Sprintf("type %s (%s)", typeOf(v), shown)
}

func typeOf(v goja.Value) string {
	switch v.Export().(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case *big.Int:
		return "bigint"
	case *goja.Symbol:
		return "symbol"
	}
	return "number"
}

// inspectArg shows a wrong value as Node's ERR_INVALID_ARG_VALUE does: a
// string quoted, anything else as it prints.
func inspectArg(v goja.Value) string {
	if s, ok := v.Export().(string); ok {
		return "'" + s + "'"
	}
	return v.String()
}
