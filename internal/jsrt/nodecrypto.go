package jsrt

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"fmt"
	"hash"
	"maps"
	"math/big"
	"slices"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/google/uuid"
)

// hashes are the createHash algorithms hooks and packages commonly use (ids,
// cache keys, content hashes).
var hashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New, "sha384": sha512.New384, "sha512": sha512.New,
}

// cryptoModule is the part of Node's crypto that pure-JavaScript packages
// such as uuid need: random bytes and ids, hash and HMAC digests.
func (vm *VM) cryptoModule(module *goja.Object) {
	rt := vm.rt
	o := module.Get("exports").ToObject(rt)
	_ = o.Set("randomBytes", func(call goja.FunctionCall) goja.Value {
		b := make([]byte, call.Argument(0).ToInteger())
		_, _ = rand.Read(b)
		bytes := buffer.WrapBytes(rt, b)
		if cb, ok := goja.AssertFunction(call.Argument(1)); ok {
			// randomBytes(n, callback): the bytes go to the callback, as a
			// task of the event loop as Node's thread pool hands them.
			vm.queue(cb, goja.Null(), bytes)
			return goja.Undefined()
		}
		return bytes
	})
	_ = o.Set("randomFillSync", func(call goja.FunctionCall) goja.Value {
		// Fills the caller's typed array or Buffer in place.
		target := call.Argument(0)
		var view []byte
		if err := rt.ExportTo(target, &view); err != nil {
			vm.throw(fmt.Errorf("crypto.randomFillSync: %w", err))
		}
		_, _ = rand.Read(view)
		return target
	})
	_ = o.Set("randomUUID", func(goja.FunctionCall) goja.Value { return rt.ToValue(uuid.NewString()) })
	getRandomValues := func(call goja.FunctionCall) goja.Value {
		// Web Crypto's: an integer typed array, filled in place (at most
		// 65,536 bytes, as the standard says).
		view, ok := vm.typedBytes(call.Argument(0))
		if !ok {
			panic(vm.domError("TypeMismatchError", "The data argument must be an integer-type TypedArray"))
		}
		if len(view) > 65536 {
			panic(vm.domError("QuotaExceededError", fmt.Sprintf("The ArrayBufferView's byte length (%d) exceeds the number of bytes of entropy available via this API (65536)", len(view))))
		}
		_, _ = rand.Read(view)
		return call.Argument(0)
	}
	_ = o.Set("getRandomValues", getRandomValues)
	_ = o.Set("randomInt", func(call goja.FunctionCall) goja.Value {
		lo, hi := int64(0), call.Argument(0).ToInteger()
		if len(call.Arguments) > 1 && !isFunction(call.Argument(1)) {
			lo, hi = call.Argument(0).ToInteger(), call.Argument(1).ToInteger()
		}
		if hi <= lo {
			panic(vm.nodeError("RangeError", "ERR_OUT_OF_RANGE", fmt.Sprintf(`The value of "max" is out of range. It must be greater than the value of "min" (%d). Received %d`, lo, hi)))
		}
		n, _ := rand.Int(rand.Reader, big.NewInt(hi-lo))
		return rt.ToValue(lo + n.Int64())
	})
	web := rt.NewObject()
	_ = web.Set("getRandomValues", getRandomValues)
	_ = web.Set("randomUUID", o.Get("randomUUID"))
	_ = o.Set("webcrypto", web)
	_ = o.Set("createHash", func(call goja.FunctionCall) goja.Value {
		return vm.digester(vm.hashOf("createHash", call.Argument(0))())
	})
	_ = o.Set("createHmac", func(call goja.FunctionCall) goja.Value {
		newHash := vm.hashOf("createHmac", call.Argument(0))
		return vm.digester(hmac.New(newHash, buffer.DecodeBytes(rt, call.Argument(1), goja.Undefined())))
	})
	_ = o.Set("getHashes", func(goja.FunctionCall) goja.Value {
		names := slices.Sorted(maps.Keys(hashes))
		return rt.ToValue(names)
	})
	_ = o.Set("timingSafeEqual", func(call goja.FunctionCall) goja.Value {
		a, aok := vm.bufferBytes(call.Argument(0))
		b, bok := vm.bufferBytes(call.Argument(1))
		if !aok || !bok {
			panic(vm.nodeError("TypeError", "ERR_INVALID_ARG_TYPE", `The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`))
		}
		if len(a) != len(b) {
			panic(vm.nodeError("RangeError", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length"))
		}
		return rt.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
	})
}

// typedBytes is the memory of an integer typed array (not a float one, nor
// a DataView), for filling in place.
func (vm *VM) typedBytes(v goja.Value) ([]byte, bool) {
	rt := vm.rt
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	integer := false
	for _, name := range []string{"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array"} {
		if c, ok := rt.Get(name).(*goja.Object); ok && rt.InstanceOf(obj, c) {
			integer = true
			break
		}
	}
	buf, ok := obj.Get("buffer").Export().(goja.ArrayBuffer)
	if !integer || !ok {
		return nil, false
	}
	off, n := obj.Get("byteOffset").ToInteger(), obj.Get("byteLength").ToInteger()
	return buf.Bytes()[off : off+n], true
}

// domError is a DOMException of Web Crypto's: an Error of that name.
func (vm *VM) domError(name, msg string) *goja.Object {
	e, err := vm.rt.New(vm.rt.Get("Error"), vm.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	_ = e.Set("name", name)
	return e
}

func isFunction(v goja.Value) bool {
	_, ok := goja.AssertFunction(v)
	return ok
}

// hashOf is the hash of an algorithm name, as createHash and createHmac
// take it (any case); one hypergen lacks is an error naming those it has.
func (vm *VM) hashOf(fn string, algo goja.Value) func() hash.Hash {
	newHash, ok := hashes[strings.ToLower(algo.String())]
	if !ok {
		vm.throw(fmt.Errorf("crypto.%s(%q) is %w: hypergen provides %s", fn, algo.String(), ErrUnsupportedRequire,
			strings.Join(slices.Sorted(maps.Keys(hashes)), ", ")))
	}
	return newHash
}

// digester is a Hash or Hmac object: update(data[, encoding]) and
// digest([encoding]).
func (vm *VM) digester(h hash.Hash) *goja.Object {
	rt := vm.rt
	obj := rt.NewObject()
	_ = obj.Set("update", func(call goja.FunctionCall) goja.Value {
		h.Write(vm.bytesOf(call.Argument(0), call.Argument(1)))
		return obj
	})
	_ = obj.Set("digest", func(call goja.FunctionCall) goja.Value {
		sum := buffer.WrapBytes(rt, h.Sum(nil))
		ctor := vm.bufferModule().Get("Buffer").ToObject(rt)
		isEncoding, _ := goja.AssertFunction(ctor.Get("isEncoding"))
		if known, err := isEncoding(ctor, call.Argument(0)); err == nil && known.ToBoolean() {
			// Buffer's toString knows the encodings buffer.js adds
			// (base64url, latin1, …), which goja_nodejs's EncodeBytes
			// lacked: digest('base64url') gave a Buffer. As in Node, an
			// encoding it does not know gives the Buffer.
			toString, _ := goja.AssertFunction(sum.Get("toString"))
			s, err := toString(sum, call.Argument(0))
			if err != nil {
				panic(err)
			}
			return s
		}
		return sum
	})
	return obj
}

// bytesOf is what Buffer.from(data, encoding) holds, with the encodings
// buffer.js adds to goja_nodejs's Buffer.
func (vm *VM) bytesOf(data, enc goja.Value) []byte {
	if goja.IsString(data) && !goja.IsUndefined(enc) {
		ctor := vm.bufferModule().Get("Buffer").ToObject(vm.rt)
		from, _ := goja.AssertFunction(ctor.Get("from"))
		b, err := from(ctor, data, enc)
		if err != nil {
			panic(err)
		}
		if bytes, ok := vm.bufferBytes(b); ok {
			return bytes
		}
	}
	return buffer.DecodeBytes(vm.rt, data, enc)
}

// ttyModule answers that nothing a hook writes to is a terminal, which is
// what colour libraries ask before colouring.
func (vm *VM) ttyModule(module *goja.Object) {
	o := module.Get("exports").ToObject(vm.rt)
	_ = o.Set("isatty", func(goja.FunctionCall) goja.Value { return vm.rt.ToValue(false) })
}
