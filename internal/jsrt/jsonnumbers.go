package jsrt

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// parseWideJSON parses text that V8 takes as JSON and goja refused: goja
// reads numbers with Go's decoder, which refuses one beyond the double
// range ("cannot unmarshal number 1e400 into Go value of type float64"),
// where V8 reads ±Infinity. It reports false if text does not parse here
// either, so that the caller throws goja's error.
func (vm *VM) parseWideJSON(text string, reviver goja.Value) (goja.Value, bool) {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	v, err := vm.decodeJSON(d)
	if err != nil {
		return nil, false
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, false
	}
	fn, ok := goja.AssertFunction(reviver)
	if !ok {
		return v, true
	}
	root := vm.rt.NewObject()
	_ = root.Set("", v)
	return vm.revive(fn, root, ""), true
}

// decodeJSON builds the value d reads next.
func (vm *VM) decodeJSON(d *json.Decoder) (goja.Value, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	rt := vm.rt
	switch tok := tok.(type) {
	case json.Number:
		// ParseFloat gives ±Inf with its range error: V8's value.
		f, err := strconv.ParseFloat(string(tok), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, err
		}
		return rt.ToValue(f), nil
	case string, bool:
		return rt.ToValue(tok), nil
	case nil:
		return goja.Null(), nil
	case json.Delim:
		switch tok {
		case '[':
			var items []any
			for d.More() {
				v, err := vm.decodeJSON(d)
				if err != nil {
					return nil, err
				}
				items = append(items, v)
			}
			_, err := d.Token()
			return rt.NewArray(items...), err
		case '{':
			obj := rt.NewObject()
			for d.More() {
				key, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := vm.decodeJSON(d)
				if err != nil {
					return nil, err
				}
				// Defined, not set: a "__proto__" key is a property of its own.
				_ = obj.DefineDataProperty(key.(string), v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
			_, err := d.Token()
			return obj, err
		}
	}
	return nil, errors.New("unexpected JSON token")
}

// revive calls reviver on holder[name]'s members, deepest first, then on
// the value itself, as JSON.parse does (ECMA-262 InternalizeJSONProperty).
func (vm *VM) revive(reviver goja.Callable, holder *goja.Object, name string) goja.Value {
	rt := vm.rt
	val := holder.Get(name)
	if obj, ok := val.(*goja.Object); ok {
		var keys []string
		if obj.ClassName() == "Array" {
			for i, n := int64(0), obj.Get("length").ToInteger(); i < n; i++ {
				keys = append(keys, strconv.FormatInt(i, 10))
			}
		} else {
			keys = obj.Keys()
		}
		for _, k := range keys {
			v := vm.revive(reviver, obj, k)
			if goja.IsUndefined(v) {
				_ = obj.Delete(k)
			} else {
				_ = obj.DefineDataProperty(k, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
		}
	}
	r, err := reviver(holder, rt.ToValue(name), val)
	if err != nil {
		panic(err)
	}
	return r
}
