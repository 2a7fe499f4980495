package jsvalue

import (
	"errors"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Object is a plain JavaScript object: string keys with values, iterated in
// JavaScript property order (array-index keys ascending, then insertion order).
type Object struct {
	keys []string
	vals map[string]any
}

// NewObject returns an empty object.
func NewObject() *Object { return &Object{vals: map[string]any{}} }

// Set adds or replaces a property; a replaced property keeps its position.
func (o *Object) Set(key string, v any) {
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
}

// Get returns the property and whether it exists.
func (o *Object) Get(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.vals[key]
	return v, ok
}

// Len is the number of properties.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}

// Keys returns the property names in JavaScript enumeration order.
func (o *Object) Keys() []string {
	if o == nil {
		return nil
	}
	if !slices.ContainsFunc(o.keys, IsArrayIndex) {
		return slices.Clone(o.keys)
	}
	var indices, names []string
	for _, k := range o.keys {
		if IsArrayIndex(k) {
			indices = append(indices, k)
		} else {
			names = append(names, k)
		}
	}
	if len(indices) == 0 {
		return names
	}
	// Array indices are canonical decimals, so shorter means smaller.
	sort.Slice(indices, func(i, j int) bool {
		a, b := indices[i], indices[j]
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
	return append(indices, names...)
}

// Delete removes a property.
func (o *Object) Delete(key string) {
	if _, ok := o.vals[key]; !ok {
		return
	}
	delete(o.vals, key)
	for i, k := range o.keys {
		if k == key {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			return
		}
	}
}

// Clone returns a shallow copy.
func (o *Object) Clone() *Object {
	c := &Object{keys: append([]string(nil), o.keys...), vals: make(map[string]any, len(o.vals))}
	for k, v := range o.vals {
		c.vals[k] = v
	}
	return c
}

// IsArrayIndex reports whether JavaScript treats key as an array index
// (a canonical unsigned integer below 2^32-1), which moves it to the front of
// an object's property order.
func IsArrayIndex(key string) bool {
	if key == "" || len(key) > 10 || (len(key) > 1 && key[0] == '0') {
		return false
	}
	// Digits checked by hand: ParseUint allocates an error for every key
	// that is a name, and Keys asks about every key.
	var n uint64
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + uint64(c-'0')
	}
	return n < math.MaxUint32
}

// RegExp is a JavaScript regular expression literal, as produced by the YAML
// tag !!js/regexp.
type RegExp struct {
	Source string
	Flags  string
}

// String formats the regexp as JavaScript does: /source/flags.
func (r *RegExp) String() string { return "/" + r.Source + "/" + r.Flags }

type undefined struct{}

// Undefined is JavaScript's undefined (nil stands for null).
var Undefined = undefined{}

// ToNumber applies JavaScript's Number(v) to the values of this model.
func ToNumber(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case int:
		return float64(x)
	case string:
		s := strings.TrimFunc(x, IsSpace)
		if s == "" {
			return 0
		}
		switch {
		case s == "Infinity" || s == "+Infinity":
			return math.Inf(1)
		case s == "-Infinity":
			return math.Inf(-1)
		case len(s) > 2 && s[0] == '0' && strings.ContainsRune("xXoObB", rune(s[1])):
			base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]
			if n, err := strconv.ParseUint(s[2:], base, 64); err == nil {
				return float64(n)
			}
			return math.NaN()
		}
		if strings.ContainsAny(s, "_xXpP") || strings.Contains(strings.ToLower(s), "inf") || strings.Contains(strings.ToLower(s), "nan") {
			return math.NaN()
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			var ne *strconv.NumError
			if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
				return f
			}
			return math.NaN()
		}
		return f
	case []any:
		return ToNumber(ToString(x))
	}
	return math.NaN()
}

// IsSpace is JavaScript's white space and line terminators: what \s
// matches, String.prototype.trim removes and Number() skips.
func IsSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029',
		'\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// Truthy applies JavaScript's ToBoolean.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil, undefined:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case float64:
		return x != 0 && !math.IsNaN(x)
	case int:
		return x != 0
	default:
		return true
	}
}

// ToString applies JavaScript's String(v) to the values of this model.
func ToString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case undefined:
		return "undefined"
	case bool:
		if x {
			return "true"
		}
		return "false"
	case string:
		return x
	case float64:
		return FormatNumber(x)
	case int:
		return strconv.Itoa(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e == nil || e == Undefined {
				continue
			}
			parts[i] = ToString(e)
		}
		return strings.Join(parts, ",")
	case *RegExp:
		return x.String()
	default:
		return "[object Object]"
	}
}

// FormatNumber formats f as JavaScript's Number.prototype.toString() does.
func FormatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if f < 0 {
		return "-" + FormatNumber(-f)
	}
	// Shortest round-trip digits and decimal exponent, then JavaScript's layout
	// rules (ECMA-262 Number::toString): plain notation for 1e-7 < f < 1e21.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expPart, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expPart)
	k := len(digits)
	n := exp + 1
	switch {
	case k <= n && n <= 21:
		return digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + digits
	}
	sign := "+"
	if n-1 < 0 {
		sign = "-"
	}
	ex := strconv.Itoa(abs(n - 1))
	if k == 1 {
		return digits + "e" + sign + ex
	}
	return digits[:1] + "." + digits[1:] + "e" + sign + ex
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}
