package liquidtmpl

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/inflect"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/osteele/liquid/values"
)

// standardFilters are filters of Shopify's Liquid that osteele/liquid
// lacks, or has in a form that panics (its slice indexed past the end of
// a short string and ended the process). Each follows Shopify's
// definition; where Shopify gives nil, they give what prints as nothing.
func standardFilters() map[string]any {
	return map[string]any{
		"slice":                  slice,
		"at_least":               func(a, b any) any { return whole(math.Max(number(a), number(b))) },
		"at_most":                func(a, b any) any { return whole(math.Min(number(a), number(b))) },
		"sum":                    sum,
		"where":                  func(list any, prop string, want func(any) any) []any { return filter(list, prop, want(nil), true) },
		"reject":                 func(list any, prop string, want func(any) any) []any { return filter(list, prop, want(nil), false) },
		"find":                   find,
		"remove_last":            func(s, sub string) string { return replaceLast(s, sub, "") },
		"replace_last":           replaceLast,
		"replace":                replace,
		"base64_encode":          func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) },
		"base64_decode":          func(s string) (string, error) { return decode64(base64.StdEncoding, s) },
		"base64_url_safe_encode": func(s string) string { return base64.URLEncoding.EncodeToString([]byte(s)) },
		"base64_url_safe_decode": func(s string) (string, error) { return decode64(base64.RawURLEncoding, strings.TrimRight(s, "=")) },
		// osteele/liquid has these, with results that differ from liquidjs's
		// (and Shopify's): see each.
		"truncate":      truncate,
		"truncatewords": truncateWords,
		"divided_by":    dividedBy,
		"modulo":        modulo,
		"reverse":       reverse,
		"capitalize":    capitalize,
		"newline_to_br": func(s string) string { return lineBreaks.Replace(s) },
		// osteele/liquid's left the \r of a CRLF.
		"strip_newlines": func(s string) string { return newlines.Replace(s) },
		"date":           date,
		// osteele/liquid's gave 0 for an object.
		"size": size,
		"join": join,
		// osteele/liquid's escaped <, > and & (Go's json.Marshal) and took
		// no indentation; its map gave nothing for a single object.
		"json": jsonText,
		"map":  mapProperty,
		// osteele/liquid's failed on what is not a number ("can't convert
		// string(abc) to type float64"), which liquidjs reads as 0 (true
		// as 1), and its round rounded halves to even (-2.5 was -2) and
		// 1.005 to 1: see number and round.
		"plus":  func(a, b any) any { return whole(number(a) + number(b)) },
		"minus": func(a, b any) any { return whole(number(a) - number(b)) },
		"times": func(a, b any) any { return whole(number(a) * number(b)) },
		"abs":   func(a any) any { return whole(math.Abs(number(a))) },
		"ceil":  func(a any) any { return whole(math.Ceil(number(a))) },
		"floor": func(a any) any { return whole(math.Floor(number(a))) },
		"round": round,
		// osteele/liquid's were Go's, which leave ß as it is (JavaScript
		// has "SS").
		"upcase":   inflect.Upper,
		"downcase": inflect.Lower,
		"first":    firstOrLast(false),
		"last":     firstOrLast(true),
		"default":  defaultValue,
		"sort":     sortList,
		// osteele/liquid's panicked on a list holding nil or a list.
		"uniq": uniq,
		// osteele/liquid's failed on what is not a list, which liquidjs
		// takes as a list of itself.
		"compact": func(v any) []any {
			out := []any{}
			for _, item := range items(v) {
				if item != nil {
					out = append(out, item)
				}
			}
			return out
		},
		"concat":       func(v any, args ...any) []any { return append(items(v), items(optionalArg(args))...) },
		"sort_natural": sortNatural,
	}
}

// round rounds v to places decimal places (0 by default), halves away
// from 0, as liquidjs does: the decimal point is moved in v's shortest
// decimal form, so 1.005 to 2 places is 1.01 (1.005 * 100 is
// 100.49999999999999 in binary). A number too large to round is itself.
func round(v any, args ...any) any {
	n, places := number(v), 0
	if len(args) > 0 && args[0] != nil {
		places = int(number(args[0]))
	}
	scaled := shiftDecimal(math.Abs(n), places)
	if !(scaled <= 1<<53-1) {
		return whole(n)
	}
	r := math.Floor(scaled)
	if scaled-r >= 0.5 {
		r++
	}
	r = shiftDecimal(r, -places)
	if n < 0 {
		r = -r
	}
	return whole(r)
}

// shiftDecimal is n times 10 to the power exp, computed on n's decimal
// digits, exactly as they are written.
func shiftDecimal(n float64, exp int) float64 {
	mantissa, power, _ := strings.Cut(strconv.FormatFloat(n, 'e', -1, 64), "e")
	p, _ := strconv.Atoi(power)
	f, _ := strconv.ParseFloat(mantissa+"e"+strconv.Itoa(p+exp), 64)
	return f
}

// jsonText is JSON.stringify(v, null, space), as liquidjs's json: space
// is a number of spaces (at most 10) or a text (its first 10 characters).
func jsonText(v any, args ...any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	var indent string
	var space any
	if len(args) > 0 {
		space = args[0]
	}
	switch space := space.(type) {
	case nil:
	case string:
		r := []rune(space)
		indent = string(r[:min(10, len(r))])
	default:
		indent = strings.Repeat(" ", int(math.Max(0, math.Min(10, number(space)))))
	}
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return unescapeSeparators(strings.TrimSuffix(b.String(), "\n")), nil
}

// unescapeSeparators puts back the line and paragraph separators
// (U+2028, U+2029) that Go's JSON escapes and JSON.stringify does not.
func unescapeSeparators(s string) string {
	if !strings.Contains(s, `\u202`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		// An escape, read whole: \\u2028 is a backslash and text.
		if rest := s[i+1:]; strings.HasPrefix(rest, "u2028") || strings.HasPrefix(rest, "u2029") {
			b.WriteString(map[byte]string{'8': "\u2028", '9': "\u2029"}[rest[4]])
			i += 5
			continue
		}
		b.WriteString(s[i : i+2])
		i++
	}
	return b.String()
}

// mapProperty is the property prop of each of list's items; a single
// item is a list of itself, as in liquidjs.
func mapProperty(list any, prop string) []any {
	in := items(list)
	out := make([]any, len(in))
	for i, item := range in {
		out[i] = property(item, prop)
	}
	return out
}

// size is the number of a list's items, of a text's characters or, as in
// liquidjs, of an object's keys (unless it has a size of its own). A
// text's characters are JavaScript's, UTF-16 code units: an emoji is 2.
func size(v any) any {
	if s, ok := v.(string); ok {
		return len(utf16.Encode([]rune(s)))
	}
	if o, ok := v.(object); ok {
		if n, ok := o["size"]; ok {
			return n
		}
		return len(o)
	}
	return values.Length(v)
}

// join is the text of a list's items (anything else a list of itself)
// between separators, a space unless one is given; osteele/liquid's wrote
// "<nil>" between them for an undefined separator.
func join(v any, args ...any) string {
	list := items(v)
	parts := make([]string, len(list))
	for i, item := range list {
		parts[i] = text(item)
	}
	return strings.Join(parts, optionalText(args, 0, " "))
}

// truncate keeps at most length characters of v (50 by default), the
// ellipsis ("..." by default) included. osteele/liquid's returned the text
// whole when length was shorter than the ellipsis.
func truncate(v any, args ...any) string {
	s, n, el := []rune(liquidText(v)), optionalInt(args, 0, 50), optionalText(args, 1, "...")
	if len(s) <= n {
		return string(s)
	}
	return string(s[:max(n-utf8.RuneCountInString(el), 0)]) + el
}

// truncateWords keeps the first words of v (15 by default; at least one),
// joined by single spaces, and adds the ellipsis when words were left out.
// osteele/liquid's added it when none were, and kept everything for 0.
func truncateWords(v any, args ...any) string {
	s, n, el := liquidText(v), max(optionalInt(args, 0, 15), 1), optionalText(args, 1, "...")
	words := strings.Fields(s)
	if len(words) < n || len(words) == n && strings.TrimRightFunc(s, unicode.IsSpace) == s {
		return s
	}
	return strings.Join(words[:n], " ") + el
}

// optionalText and optionalInt read optional filter argument i: given and
// not nil (an undefined variable), the argument; else the default, as a
// JavaScript default parameter takes undefined. The filters that have them
// take their arguments as a variadic list: osteele/liquid cannot convert
// nil into an optional argument's function, and made "<nil>" of it for a
// string.
func optionalText(args []any, i int, def string) string {
	if i < len(args) && args[i] != nil {
		return liquidText(args[i])
	}
	return def
}

func optionalInt(args []any, i int, def int) int {
	if i < len(args) && args[i] != nil {
		return int(number(args[i]))
	}
	return def
}

// dividedBy divides as JavaScript does (7 / 2 is 3.5), or rounds down with
// a third argument that is a number other than 0 (true is 1), as liquidjs
// reads it ("yes" is not): the values are JavaScript's numbers, and
// liquidjs divides them so. osteele/liquid divided whole numbers as
// integers.
func dividedBy(a, b any, integer ...any) (any, error) {
	divisor := number(b)
	if divisor == 0 {
		return nil, errors.New("division by zero")
	}
	q := number(a) / divisor
	if len(integer) > 0 && (integer[0] == true || number(integer[0]) != 0) {
		q = math.Floor(q)
	}
	return whole(q), nil
}

// modulo is the remainder with the divisor's sign, as liquidjs has it
// (-7 | modulo: 3 is 2); osteele/liquid's had the dividend's (-1).
func modulo(a, b any) any {
	d := number(b)
	return whole(math.Mod(math.Mod(number(a), d)+d, d))
}

// capitalize is s with its first character upper case and the others
// lower case, as in liquidjs and Shopify; osteele/liquid's upper-cased the
// first byte alone, which cut a multi-byte character in two ("é" was
// "\xc3\xa9" made invalid), and kept the rest as it was. The cases are
// JavaScript's, as upcase's and downcase's.
func capitalize(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return inflect.Upper(s[:n]) + inflect.Lower(s[n:])
}

// firstOrLast is liquidjs's first (or with last, last): a list's item or
// a string's UTF-16 code unit; anything else, or nothing there, prints
// nothing. osteele/liquid's failed on a string or a number ("can't
// convert"), and gave an object's first value.
func firstOrLast(last bool) func(v any) any {
	return func(v any) any {
		var n int
		if s, ok := v.(string); ok {
			n = len(utf16.Encode([]rune(s)))
		} else if rv := reflect.ValueOf(v); v != nil && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
			n = rv.Len()
		} else {
			return ""
		}
		if n == 0 {
			return nil
		}
		if last {
			return prop(v, n-1)
		}
		return prop(v, 0)
	}
}

// defaultValue is liquidjs's default: def for nil, false, an empty string
// or an empty list; v for anything else. osteele/liquid's gave def for an
// empty object too, which liquidjs prints.
func defaultValue(v any, args ...any) any {
	var def any
	if len(args) > 0 {
		def = args[0]
	}
	switch rv := reflect.ValueOf(v); {
	case v == nil || v == false:
		return def
	case rv.Kind() == reflect.String || rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array:
		if rv.Len() == 0 {
			return def
		}
	}
	return v
}

// reverse is a list's items backwards; anything else is a list of itself,
// as in liquidjs (osteele/liquid's failed on a string).
func reverse(v any) []any {
	out := items(v) // a copy
	slices.Reverse(out)
	return out
}

// newlines are the line breaks liquidjs's strip_newlines removes (/\r?\n/).
var newlines = strings.NewReplacer("\r\n", "", "\n", "")

// lineBreaks keeps each line break after the <br /> put before it.
var lineBreaks = strings.NewReplacer("\r\n", "<br />\n", "\n", "<br />\n")

// date formats a time with strftime's directives, as liquidjs does (see
// strftime): what osteele/liquid reads as a time, a number (or a string
// of digits) of seconds since 1970, "now" and "today", and the ISO forms
// JavaScript reads (a date alone is midnight UTC, a date and time with no
// zone local time), a date with slashes (local); nothing prints nothing,
// and anything else, or a time JavaScript cannot hold, is printed as it
// is. It is printed in local time, or in the zone of the third argument:
// a name ("Asia/Tokyo"), or minutes behind UTC as JavaScript's
// getTimezoneOffset counts them (-60 is +0100).
func date(v any, args ...any) (any, error) {
	if v == nil || v == "" {
		return "", nil
	}
	t, ok := timeOf(v)
	if !ok {
		return v, nil
	}
	loc, zone := time.Local, localZone()
	if len(args) > 1 && args[1] != nil {
		switch z := jsData(args[1]).(type) {
		case string:
			l, err := time.LoadLocation(z)
			if err != nil || z == "" || z == "Local" {
				return nil, fmt.Errorf("Invalid time zone specified: %s", z)
			}
			loc, zone = l, z
		default:
			loc, zone = time.FixedZone("", -int(jsvalue.ToNumber(z)*60)), ""
		}
	}
	format := "%A, %B %-e, %Y at %-l:%M %P %z"
	if len(args) > 0 && args[0] != nil {
		format = text(args[0])
	}
	return strftime(t.In(loc), format, zone), nil
}

// maxTime is the furthest from 1970 a JavaScript date can be, in
// milliseconds either way.
const maxTime = 8.64e15

func timeOf(v any) (time.Time, bool) {
	switch x := jsData(v).(type) {
	case float64:
		if math.Abs(x*1000) > maxTime {
			return time.Time{}, false
		}
		return unixSeconds(x), true
	case bool:
		// new Date(true) is 1 ms after 1970.
		if x {
			return time.UnixMilli(1), true
		}
		return time.UnixMilli(0), true
	case string:
		if x == "now" || x == "today" {
			return time.Now(), true
		}
		if strings.Trim(x, "0123456789") == "" {
			f, _ := strconv.ParseFloat(x, 64)
			if f*1000 > maxTime {
				return time.Time{}, false
			}
			return unixSeconds(f), true
		}
		if t, ok := isoTime(x); ok {
			return t, ok
		}
		// JavaScript's other forms, which it reads as local time (spaces
		// around an ISO date make it one of them).
		if t, ok := numericDate(strings.TrimSpace(x)); ok {
			return t, true
		}
		for _, layout := range legacyLayouts {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(x), time.Local); err == nil {
				return t, true
			}
		}
	}
	c, err := values.Convert(v, reflect.TypeFor[time.Time]())
	if err != nil {
		return time.Time{}, false
	}
	return c.(time.Time), true
}

// legacyLayouts are forms of a date Node reads outside ECMAScript's own
// format: "2024-1-5", "5 Mar 2024", Date's toDateString ("Tue Mar 05
// 2024"), with or without a time.
var legacyLayouts = []string{
	"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2 Jan 2006", "2 January 2006", "2 Jan 2006 15:04", "2 January 2006 15:04", "2 Jan 2006 15:04:05",
	"Mon Jan 2 2006", "Mon Jan 2 2006 15:04:05", "Jan 2 2006", "January 2 2006",
}

// numericForm is a date of numbers Node reads as local time: year,
// month and day between - or /, then maybe a time.
var numericForm = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{4})[-/](\d\d?)[-/](\d\d?)(?: (\d\d?):(\d\d)(?::(\d\d))?)?$`)
})

// numericDate reads s in numericForm, a day past the month's end (up to
// 31) running into the next month, as Node does: 2024/02/30 is March 1st.
func numericDate(s string) (time.Time, bool) {
	m := numericForm().FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	n := make([]int, 7)
	for i := 1; i < 7; i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	if n[2] < 1 || n[2] > 12 || n[3] < 1 || n[3] > 31 || n[4] > 24 || n[5] > 59 || n[6] > 59 {
		return time.Time{}, false
	}
	return time.Date(n[1], time.Month(n[2]), n[3], n[4], n[5], n[6], 0, time.Local), true
}

// isoForm is the date-time format of ECMAScript (ISO 8601's extended
// form): a year, month, day, hour, minute, second, fraction and zone.
var isoForm = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([+-]\d{6}|\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:?\d\d)?$`)
})

// isoTime reads s as JavaScript's Date reads its own format: a day past
// the month's end (2024-02-30, up to 31) runs into the next month, as
// does hour 24 of 24:00; a date alone is UTC, with a time and no zone it
// is local time.
func isoTime(s string) (time.Time, bool) {
	m := isoForm().FindStringSubmatch(s)
	if m == nil || m[1] == "-000000" {
		return time.Time{}, false
	}
	n := func(i, def int) int {
		if m[i] == "" {
			return def
		}
		v, _ := strconv.Atoi(m[i])
		return v
	}
	year, month, day, hour, minute, sec := n(1, 0), n(2, 1), n(3, 1), n(4, 0), n(5, 0), n(6, 0)
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || sec > 59 ||
		hour == 24 && (minute > 0 || sec > 0 || strings.Trim(m[7], "0") != "") {
		return time.Time{}, false
	}
	ms := 0
	if m[7] != "" {
		ms, _ = strconv.Atoi((m[7] + "00")[:3])
	}
	loc := time.Local
	switch zone := m[8]; {
	case zone == "Z" || zone == "" && m[4] == "":
		loc = time.UTC
	case zone != "":
		h, _ := strconv.Atoi(zone[1:3])
		mins, _ := strconv.Atoi(zone[len(zone)-2:])
		off := (h*60 + mins) * 60
		if zone[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, ms*1e6, loc)
	if math.Abs(float64(t.UnixMilli())) > maxTime {
		return time.Time{}, false
	}
	return t, true
}

func unixSeconds(f float64) time.Time {
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9))
}

// slice is Shopify's slice: length items (1 by default, also when it is
// undefined) from start, which
// counts from the end when negative; a list gives a list and anything else
// its text. A start outside the input, or a negative length, gives nothing.
func slice(v any, start int, args ...any) any {
	n := optionalInt(args, 0, 1)
	if rv := reflect.ValueOf(v); v != nil && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
		from, to, ok := sliceBounds(rv.Len(), start, n)
		out := []any{}
		for i := from; ok && i < to; i++ {
			out = append(out, rv.Index(i).Interface())
		}
		return out
	}
	s := []rune(liquidText(v))
	from, to, ok := sliceBounds(len(s), start, n)
	if !ok {
		return ""
	}
	return string(s[from:to])
}

func sliceBounds(size, start, n int) (from, to int, ok bool) {
	if start < 0 {
		start += size
	}
	if start < 0 || start > size || n < 0 {
		return 0, 0, false
	}
	return start, start + min(n, size-start), true
}

// sum adds a list's numbers, or the given property of its items; what is
// not a number counts as 0, as in Shopify.
func sum(list any, prop func(any) any) any {
	key := prop(nil)
	total := 0.0
	for _, item := range items(list) {
		if key != nil {
			item = property(item, key)
		}
		total += number(item)
	}
	return whole(total)
}

// whole is a number as Liquid wants it where it counts (a range's bound,
// limit:): a whole number an int, one past 2^53 or with a fraction a
// number, which prints as JavaScript writes it.
func whole(f float64) any {
	if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
		return int(f)
	}
	return number64(f)
}

// number64 is a float that prints as JavaScript writes a number
// (0.00001, 12345678901234567000, 1e-7), where osteele/liquid printed
// Go's %v (1e-05, 1.2345678901234567e+19, 1e-07). Liquid takes it for
// the float it is everywhere else.
type number64 float64

func (n number64) String() string { return jsvalue.FormatNumber(float64(n)) }

// filter keeps the items of list whose property prop equals want (is
// truthy, with no want), or, with keep false, the others.
func filter(list any, prop string, want any, keep bool) []any {
	out := []any{}
	for _, item := range items(list) {
		if matches(item, prop, want) == keep {
			out = append(out, item)
		}
	}
	return out
}

// find is the first item of list whose property prop equals want; nothing
// if none does.
func find(list any, prop string, want any) any {
	for _, item := range items(list) {
		if matches(item, prop, want) {
			return item
		}
	}
	return nil
}

func matches(item any, prop string, want any) bool {
	got := property(item, prop)
	if want == nil {
		return values.ValueOf(got).Test()
	}
	return values.Equal(got, want)
}

func property(item, key any) any {
	return values.ValueOf(item).PropertyValue(values.ValueOf(key)).Interface()
}

// items is a list's items; anything else is a list of itself, and nothing
// an empty list.
func items(v any) []any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return []any{v}
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out
}

// number is v as a number as liquidjs makes one of a filter's input and
// arguments: JavaScript's +v, or 0 where that is NaN (text that is no
// number, an object).
func number(v any) float64 {
	if f := jsvalue.ToNumber(jsData(v)); !math.IsNaN(f) {
		return f
	}
	return 0
}

func text(v any) string {
	if v == nil {
		return ""
	}
	return jsvalue.ToString(jsData(v))
}

// replace puts with in place of every sub in s; an empty sub, as in
// liquidjs, puts it between the characters (osteele/liquid's put it
// before and after them too).
func replace(s, sub, with string) string {
	if sub == "" {
		return strings.Join(strings.Split(s, ""), with)
	}
	return strings.ReplaceAll(s, sub, with)
}

func replaceLast(s, sub, with string) string {
	i := strings.LastIndex(s, sub)
	if i < 0 {
		return s
	}
	return s[:i] + with + s[i+len(sub):]
}

func decode64(enc *base64.Encoding, s string) (string, error) {
	b, err := enc.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("%q is not valid Base64", s)
	}
	return string(b), nil
}

// optionalArg is args[0], or nil if there is none.
func optionalArg(args []any) any {
	if len(args) > 0 {
		return args[0]
	}
	return nil
}

// sortNatural is liquidjs's sort_natural: as sort, by the items' (or
// their property's) lower-case text.
func sortNatural(v any, args ...any) []any {
	return sortedBy(v, args, func(key any) any { return inflect.Lower(text(key)) }, func(a, b any) int {
		return slices.Compare(utf16.Encode([]rune(a.(string))), utf16.Encode([]rune(b.(string))))
	})
}

// sortList is liquidjs's sort: a list's items, or with a property (a.b
// for a nested one) by that property, in JavaScript's order of < and >
// (numbers as numbers, "10" after 9), nothing last, the order of items
// neither less nor more kept. osteele/liquid's put numbers before strings
// and nothing first.
func sortList(v any, args ...any) []any {
	return sortedBy(v, args, func(key any) any { return key }, func(a, b any) int {
		switch {
		case compare(a, "<", b):
			return -1
		case compare(a, ">", b):
			return 1
		}
		return 0
	})
}

// sortedBy is a copy of v's items sorted, stably, by their key: the item,
// or its property args[0] names (a.b for a nested one), made comparable by
// prepare; items whose key is nothing go last.
func sortedBy(v any, args []any, prepare func(any) any, cmp func(a, b any) int) []any {
	list := items(v) // a copy
	var path []string
	if len(args) > 0 && args[0] != nil {
		path = strings.Split(text(args[0]), ".")
	}
	key := func(item any) any {
		for _, p := range path {
			item = prop(item, p)
		}
		if item == nil {
			return nil
		}
		return prepare(item)
	}
	slices.SortStableFunc(list, func(a, b any) int {
		ka, kb := key(a), key(b)
		switch {
		case ka == nil && kb == nil:
			return 0
		case ka == nil:
			return 1
		case kb == nil:
			return -1
		}
		return cmp(ka, kb)
	})
	return list
}

// uniq is a list's items without the repeated ones, as JavaScript's Set
// keeps them: a number, string or boolean once per value (1 and "1"
// differ), nothing once, a list or object once per identity.
func uniq(v any) []any {
	out := []any{}
	seen := map[any]bool{}
	for _, item := range items(v) {
		key := jsData(item)
		switch rv := reflect.ValueOf(item); rv.Kind() {
		case reflect.Slice, reflect.Map:
			key = [2]any{rv.Kind(), rv.Pointer()}
		}
		switch key.(type) {
		case nil, float64, string, bool, [2]any:
		default:
			key = item // a drop or other Go value: itself, if it can be a key
			if !reflect.TypeOf(item).Comparable() {
				out = append(out, item)
				continue
			}
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, item)
		}
	}
	return out
}
