package jsrt

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// goja has no Intl, and its toLocale*String methods print Go's layouts
// ("01/15/2024", "15:04:05", 1500 without grouping). Templates print
// numbers and dates with them more than with anything else of Intl, so
// these give what Node gives in its default locale, en-US: "1,500",
// "1/15/2024", "3:04:05 PM". Node takes its default locale from LANG; here
// it is en-US whatever LANG says. A locale other than English or an
// options object would need Intl's data, and throws an error saying so
// rather than print something Node would not.
//
// They are installed only before code that names them or Date runs
// (featuresOf): reaching Number's and Date's prototypes makes goja build
// them, which raised what making a runtime allocated from 224 to 366
// allocations, and most templates never touch either.
func (vm *VM) installLocale() {
	rt := vm.rt
	proto := func(ctor string) *goja.Object {
		return rt.Get(ctor).ToObject(rt).Get("prototype").ToObject(rt)
	}
	number := proto("Number")
	_ = number.Set("toLocaleString", func(call goja.FunctionCall) goja.Value {
		vm.englishOnly("Number.prototype.toLocaleString", call)
		return rt.ToValue(formatNumberEnUS(call.This.ToFloat()))
	})
	// goja's BigInt toLocaleString is its toString, without the grouping,
	// and reads a locale as a radix.
	if b, ok := rt.Get("BigInt").(*goja.Object); ok {
		bigint := b.Get("prototype").ToObject(rt)
		if orig, ok := goja.AssertFunction(bigint.Get("toLocaleString")); ok {
			fn := rt.ToValue(func(call goja.FunctionCall) goja.Value {
				v, err := orig(call.This)
				if err != nil {
					if strings.Contains(err.Error(), "requires that 'this' be a BigInt") {
						panic(rt.NewTypeError("BigInt.prototype.toLocaleString requires that 'this' be a BigInt")) // V8's words
					}
					panic(err)
				}
				vm.englishOnly("BigInt.prototype.toLocaleString", call)
				if digits, negative := strings.CutPrefix(v.String(), "-"); negative {
					return rt.ToValue("-" + groupThousands(digits))
				}
				return rt.ToValue(groupThousands(v.String()))
			}).ToObject(rt)
			_ = bigint.DefineDataProperty("toLocaleString", named(rt, fn, "toLocaleString", 0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	date := proto("Date")
	for _, m := range []struct {
		name   string
		format func(time.Time) string
	}{
		{"toLocaleDateString", formatDateEnUS},
		{"toLocaleTimeString", formatTimeEnUS},
		{"toLocaleString", func(t time.Time) string { return formatDateEnUS(t) + ", " + formatTimeEnUS(t) }},
	} {
		name, format := m.name, m.format
		_ = date.Set(name, func(call goja.FunctionCall) goja.Value {
			vm.englishOnly("Date.prototype."+name, call)
			t, ok := call.This.Export().(time.Time)
			if !ok {
				return rt.ToValue("Invalid Date")
			}
			return rt.ToValue(format(t.In(time.Local)))
		})
	}
	str := proto("String")
	builtin, _ := goja.AssertFunction(str.Get("localeCompare"))
	_ = str.Set("localeCompare", func(call goja.FunctionCall) goja.Value {
		locales, options := call.Argument(1), call.Argument(2)
		if goja.IsUndefined(locales) && goja.IsUndefined(options) {
			return callThrough(builtin, call)
		}
		tag, numeric := collationTag(rt, locales, options)
		a, b := norm.NFC.String(call.This.String()), norm.NFC.String(call.Argument(0).String())
		if numeric {
			a, b = numericKey(a), numericKey(b)
		}
		return rt.ToValue(vm.collator(tag).CompareString(a, b))
	})
	// goja's toLocaleUpperCase and toLocaleLowerCase ignore the locale,
	// where Node applies Turkish, Azeri and Lithuanian casing ("i" → "İ").
	for name, caser := range map[string]func(language.Tag) cases.Caser{
		"toLocaleUpperCase": func(t language.Tag) cases.Caser { return cases.Upper(t) },
		"toLocaleLowerCase": func(t language.Tag) cases.Caser { return cases.Lower(t) },
	} {
		builtin, _ := goja.AssertFunction(str.Get(name))
		_ = str.Set(name, func(call goja.FunctionCall) goja.Value {
			t, ok := localeArg(rt, call.Argument(0))
			if !ok {
				return callThrough(builtin, call)
			}
			c := caser(t)
			return rt.ToValue(c.String(call.This.String()))
		})
	}
	// Node names the zone in full; goja prints Go's abbreviation. UTC, the
	// zone of most containers and CI machines, is the one renamed.
	for _, name := range []string{"toString", "toTimeString"} {
		orig, _ := goja.AssertFunction(date.Get(name))
		_ = date.Set(name, func(call goja.FunctionCall) goja.Value {
			v := callThrough(orig, call)
			s, ok := strings.CutSuffix(v.String(), " (UTC)")
			if !ok {
				return v
			}
			return rt.ToValue(s + " (Coordinated Universal Time)")
		})
	}
	vm.mendISOYears(date)
}

// callThrough calls the built-in a replacement stands in for, with the
// call's this and arguments; what it throws goes on as thrown.
func callThrough(builtin goja.Callable, call goja.FunctionCall) goja.Value {
	v, err := builtin(call.This, call.Arguments...)
	if err != nil {
		panic(err)
	}
	return v
}

// collationTag is the BCP 47 tag of localeCompare's locales and options,
// as ICU reads them: numeric and sensitivity become the tag's -u- keys (kn,
// ks). It panics with a RangeError for a locale that is not one, as Node
// does, and with an Error for what Go's collation data cannot do as ICU
// does (caseFirst, ignorePunctuation, sensitivity "case"): a sort order
// Node would not give is worse than a run that says why it stopped.
//
// The second result is the numeric option (kn), which the tag leaves off:
// x/text's numeric collation drops a number whose digits are all zeros
// ("file0.txt" sorted after "file1.txt"), so the caller writes the numbers
// so that plain collation orders them (numericKey).
func collationTag(rt *goja.Runtime, locales, options goja.Value) (string, bool) {
	tag, _ := localeArg(rt, locales)
	var keys [][2]string
	if o, ok := options.(*goja.Object); ok {
		get := func(name string) goja.Value { // goja gives nil for a missing property
			if v := o.Get(name); v != nil && !goja.IsUndefined(v) {
				return v
			}
			return nil
		}
		if v := get("numeric"); v != nil {
			keys = append(keys, [2]string{"kn", strconv.FormatBool(v.ToBoolean())})
		}
		if v := get("sensitivity"); v != nil {
			switch v.String() {
			case "base":
				keys = append(keys, [2]string{"ks", "level1"})
			case "accent":
				keys = append(keys, [2]string{"ks", "level2"})
			case "variant":
				keys = append(keys, [2]string{"ks", "level3"})
			default:
				panic(rt.NewGoError(fmt.Errorf("String.prototype.localeCompare: sensitivity %q is not supported here (goja has no ICU; base, accent and variant are)", v.String())))
			}
		}
		if v := get("caseFirst"); v != nil && v.String() != "false" {
			panic(rt.NewGoError(fmt.Errorf("String.prototype.localeCompare: caseFirst %q is not supported here (goja has no ICU)", v.String())))
		}
		if v := get("ignorePunctuation"); v != nil && v.ToBoolean() {
			panic(rt.NewGoError(errors.New("String.prototype.localeCompare: ignorePunctuation is not supported here (goja has no ICU)")))
		}
	}
	// The options win over the locale's own -u- keys, as in ECMA-402.
	for _, kv := range keys {
		if t, err := tag.SetTypeForKey(kv[0], kv[1]); err == nil {
			tag = t
		}
	}
	if tag.TypeForKey("kn") == "true" {
		tag, _ = tag.SetTypeForKey("kn", "false")
		return tag.String(), true
	}
	return tag.String(), false
}

// numericKey rewrites each run of decimal digits (of any script) in s as
// its value with a two-digit length before it, "007" and "٧" as "017",
// 42 as "0242", so that collation without the numeric option orders
// numbers by value, and numbers of equal value alike, as ICU's numeric
// collation does. A number of more than 99 digits keeps 99.
func numericKey(s string) string {
	i := strings.IndexFunc(s, unicode.IsDigit)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	var digits []byte
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		digits = digits[:0]
		for ; i < len(s); i += size {
			if r, size = utf8.DecodeRuneInString(s[i:]); !unicode.IsDigit(r) {
				break
			}
			if d := digitValue(r); d != 0 || len(digits) > 0 {
				digits = append(digits, '0'+d)
			}
		}
		if len(digits) == 0 {
			digits = append(digits, '0')
		}
		digits = digits[:min(len(digits), 99)]
		b.WriteByte('0' + byte(len(digits)/10))
		b.WriteByte('0' + byte(len(digits)%10))
		b.Write(digits)
	}
	return b.String()
}

// digitValue is the value of a decimal digit: Unicode lays each script's
// digits out as a run of ten from its zero, and the runs of scripts with
// several sets of digits (mathematical alphanumerics) follow one another.
func digitValue(r rune) byte {
	n := 0
	for unicode.IsDigit(r - rune(n) - 1) {
		n++
	}
	return byte(n % 10)
}

// localeArg is the locale a locales argument names (the first of an
// array); false for none. A string that is no BCP 47 tag panics with
// Node's RangeError.
func localeArg(rt *goja.Runtime, locales goja.Value) (language.Tag, bool) {
	if o, ok := locales.(*goja.Object); ok && o.ClassName() == "Array" {
		locales = o.Get("0")
	}
	if locales == nil || goja.IsUndefined(locales) || goja.IsNull(locales) {
		return language.Und, false
	}
	t, err := language.Parse(locales.String())
	var unknown language.ValueError
	if err != nil && !errors.As(err, &unknown) { // well-formed but unknown ("xx"): Node falls back
		ctor, _ := goja.AssertConstructor(rt.Get("RangeError"))
		e, _ := ctor(nil, rt.ToValue("Incorrect locale information provided"))
		panic(e)
	}
	return t, true
}

// collator is the collator of a BCP 47 tag, made once per runtime (a
// Collator is not safe for concurrent use; a runtime runs on one goroutine).
func (vm *VM) collator(tag string) *collate.Collator {
	if c, ok := vm.collators[tag]; ok {
		return c
	}
	t := language.Make(tag)
	c := collate.New(t, collate.OptionsFromTag(t))
	if vm.collators == nil {
		vm.collators = map[string]*collate.Collator{}
	}
	vm.collators[tag] = c
	return c
}

// needsLocale reports whether code may call what installLocale replaces: a
// Date's string or a toLocale… method. Date must be a name of its own: a
// field called dueDate is no reason to build Date's prototype. (A Date
// made elsewhere, by a hook, that a template prints without naming Date
// keeps goja's own format.)
func needsLocale(code string) bool {
	return strings.Contains(code, "toLocale") || strings.Contains(code, "localeCompare") || namesIdent(code, "Date") ||
		strings.Contains(code, "toISOString")
}

// namesIdent reports whether name occurs in code as a name of its own, not
// as part of a longer one.
func namesIdent(code, name string) bool {
	for i := 0; ; {
		j := strings.Index(code[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if (start == 0 || !isIdentByte(code[start-1])) && (end == len(code) || !isIdentByte(code[end])) {
			return true
		}
		i = end
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// englishOnly throws for a locale other than English, or for options. Of
// a list, Intl takes the first locale it has, so the first must be English
// here; an empty list is the default locale, as undefined is.
func (vm *VM) englishOnly(method string, call goja.FunctionCall) {
	locale, options := call.Argument(0), call.Argument(1)
	if o, ok := locale.(*goja.Object); ok && o.ClassName() == "Array" {
		if o.Get("length").ToInteger() == 0 {
			locale = goja.Undefined()
		} else {
			locale = o.Get("0")
		}
	}
	if !goja.IsUndefined(locale) {
		s := strings.ToLower(locale.String())
		if s != "en" && s != "en-us" {
			panic(vm.rt.NewTypeError("%s(%s): only the default locale (en-US) is supported; hypergen's JavaScript has no Intl", method, locale))
		}
	}
	if !goja.IsUndefined(options) {
		panic(vm.rt.NewTypeError("%s: options are not supported; hypergen's JavaScript has no Intl", method))
	}
}

// formatNumberEnUS is Intl.NumberFormat("en-US") with its defaults: groups
// of three digits, at most three decimals rounded half away from zero on
// the shortest decimal that reads back as x (as ICU rounds).
func formatNumberEnUS(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	}
	sign := ""
	if math.Signbit(x) {
		sign, x = "-", -x
	}
	intPart, frac, _ := strings.Cut(strconv.FormatFloat(x, 'f', -1, 64), ".")
	if len(frac) > 3 {
		up := frac[3] >= '5'
		frac = frac[:3]
		if up {
			intPart, frac = roundUp(intPart, frac)
		}
	}
	frac = strings.TrimRight(frac, "0")
	if frac != "" {
		frac = "." + frac
	}
	return sign + groupThousands(intPart) + frac
}

// groupThousands puts en-US's commas between groups of three digits.
func groupThousands(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// roundUp adds one unit in the last place of intPart.frac (digits only).
func roundUp(intPart, frac string) (string, string) {
	digits := []byte(intPart + frac)
	i := len(digits) - 1
	for ; i >= 0 && digits[i] == '9'; i-- {
		digits[i] = '0'
	}
	if i < 0 {
		digits = append([]byte{'1'}, digits...)
	} else {
		digits[i]++
	}
	n := len(digits) - len(frac)
	return string(digits[:n]), string(digits[n:])
}

func formatDateEnUS(t time.Time) string {
	return fmt.Sprintf("%d/%d/%d", int(t.Month()), t.Day(), t.Year())
}

func formatTimeEnUS(t time.Time) string {
	h, suffix := t.Hour(), "AM"
	if h >= 12 {
		suffix = "PM"
	}
	if h = h % 12; h == 0 {
		h = 12
	}
	return fmt.Sprintf("%d:%02d:%02d %s", h, t.Minute(), t.Second(), suffix)
}
