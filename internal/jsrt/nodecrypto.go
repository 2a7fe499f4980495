package jsrt

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/google/uuid"
)

// hashes are the createHash algorithms hooks and packages commonly use (ids,
// cache keys, content hashes).
var hashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New,
}

// cryptoModule is the part of Node's crypto that pure-JavaScript packages
// such as uuid need: random bytes and ids, and hash digests.
func (vm *VM) cryptoModule(module *goja.Object) {
	rt := vm.rt
	o := module.Get("exports").ToObject(rt)
	_ = o.Set("randomBytes", func(call goja.FunctionCall) goja.Value {
		b := make([]byte, call.Argument(0).ToInteger())
		_, _ = rand.Read(b)
		return buffer.WrapBytes(rt, b)
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
	_ = o.Set("createHash", func(call goja.FunctionCall) goja.Value {
		algo := call.Argument(0).String()
		newHash, ok := hashes[algo]
		if !ok {
			vm.throw(fmt.Errorf("crypto.createHash(%q) is %w: hypergen provides md5, sha1, sha256 and sha512", algo, ErrUnsupportedRequire))
		}
		h := newHash()
		obj := rt.NewObject()
		_ = obj.Set("update", func(call goja.FunctionCall) goja.Value {
			h.Write(buffer.DecodeBytes(rt, call.Argument(0), call.Argument(1)))
			return obj
		})
		_ = obj.Set("digest", func(call goja.FunctionCall) goja.Value {
			return buffer.EncodeBytes(rt, h.Sum(nil), call.Argument(0))
		})
		return obj
	})
}

// ttyModule answers that nothing a hook writes to is a terminal, which is
// what colour libraries ask before colouring.
func (vm *VM) ttyModule(module *goja.Object) {
	o := module.Get("exports").ToObject(vm.rt)
	_ = o.Set("isatty", func(goja.FunctionCall) goja.Value { return vm.rt.ToValue(false) })
}
