package liquidtmpl

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"unsafe"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// object is a JavaScript object as a render sees it. It is a Go map, which
// Liquid's property lookups, size, contains and sort by property
// understand, and a for loop walks it in its keys' order (Liquid takes
// anything with Len and Index for a list), as liquidjs and JavaScript do: a
// plain map was walked in a new random order in every run, so the same
// generation wrote a different file each time.
type object map[string]any

// keyOrders holds the key order of every object a running render made, by
// the map's identity: a map cannot carry it, and a field beside it would
// make an object something other than a map to Liquid. A render removes
// its own when it ends (converter.release); that keeps each map alive, and
// so its identity its own, while it is listed.
var keyOrders sync.Map // unsafe.Pointer -> []string

func (o object) keys() []string {
	if k, ok := keyOrders.Load(reflect.ValueOf(o).UnsafePointer()); ok {
		return k.([]string)
	}
	// Not made by a converter: a stable order all the same.
	return slices.Sorted(maps.Keys(o))
}

// Len and Index make a for loop walk the object's [key, value] pairs in its
// key order.
func (o object) Len() int { return len(o) }

func (o object) Index(i int) any {
	k := o.keys()[i]
	return []any{k, o[k]}
}

// MarshalJSON writes the object in its key order, as JSON.stringify does
// ({{ object | json }}): json.Marshal sorted the keys of the map.
func (o object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, k := range o.keys() {
		if i > 0 {
			b = append(b, ',')
		}
		key, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(o[k])
		if err != nil {
			return nil, fmt.Errorf("the value of %q: %w", k, err)
		}
		b = append(append(append(b, key...), ':'), value...)
	}
	return append(b, '}'), nil
}

// String is what {{ object }} prints: JavaScript's text for an object, as
// in an EJS template, not Go's map syntax.
func (o object) String() string { return "[object Object]" }

// converter turns a render's locals into the values Liquid understands, and
// lists the objects it made, whose key orders the render's end releases.
type converter struct{ made []unsafe.Pointer }

// object is a new object whose key order is keys, for the caller to fill.
func (c *converter) object(keys []string) object {
	o := make(object, len(keys))
	p := reflect.ValueOf(o).UnsafePointer()
	keyOrders.Store(p, keys)
	c.made = append(c.made, p)
	return o
}

// release forgets the key orders of the objects c made.
func (c *converter) release() {
	for _, p := range c.made {
		keyOrders.Delete(p)
	}
}

// toGo converts a jsvalue into the Go values Liquid understands: objects,
// slices, strings, numbers, booleans.
func (c *converter) toGo(v any) any {
	switch x := v.(type) {
	case *jsvalue.Object:
		keys := x.Keys()
		o := c.object(keys)
		for _, k := range keys {
			e, _ := x.Get(k)
			o[k] = c.toGo(e)
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = c.toGo(e)
		}
		return out
	case *jsvalue.RegExp:
		return x.String()
	case *goja.Object: // a hook's JavaScript value
		if _, plain := x.Export().(map[string]any); plain {
			// Walked by its keys, whose order the exported map loses.
			keys := x.Keys()
			o := c.object(keys)
			for _, k := range keys {
				o[k] = c.toGo(x.Get(k))
			}
			return o
		}
		return c.toGo(x.Export())
	case goja.Value:
		return c.toGo(x.Export())
	case float64:
		// JavaScript has one number type; Liquid wants an int where it
		// counts (a range's bounds, limit:, offset:), as --count 3 is.
		return whole(x)
	case int64: // how goja exports a hook's whole numbers
		return int(x)
	case map[string]any: // an object inside an exported value: its order is lost, so sorted
		o := c.object(slices.Sorted(maps.Keys(x)))
		for k, e := range x {
			o[k] = c.toGo(e)
		}
		return o
	}
	if v == jsvalue.Undefined {
		return nil
	}
	return v
}

// jsData is a value Liquid made (split gives a []string, divided_by an
// int64) in the jsvalue model, for jsvalue.ToString.
func jsData(v any) any {
	if o, ok := v.(object); ok {
		out := jsvalue.NewObject()
		for _, k := range o.keys() {
			out.Set(k, jsData(o[k]))
		}
		return out
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = jsData(rv.Index(i).Interface())
		}
		return out
	}
	return v
}
