package liquidtmpl

import (
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/osteele/liquid/values"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// The expressions of a template are rewritten before osteele/liquid
// parses them where what it makes of them is not what liquidjs does, into
// calls of filters of ours, which it has no way to let us change otherwise
// (it reads properties and compares values itself, and a value of ours in
// the bindings reaches the filters too):
//
//   - x[i] is (x | __hypergen_prop: i): it gave nothing for a string's
//     character (s[0]) and for an array read by a numeric text (a["0"]),
//     and read a[1.5] as a[1].
//   - x.size and x.length are (x | __hypergen_prop: "size"): a string's
//     size was its bytes ("héllo" had 6), and length nothing.
//   - x == empty and x == blank (either way round, or !=) are
//     (x | __hypergen_empty) == true: osteele/liquid has neither, and
//     took them for undefined variables, so "" == empty was false and
//     nil == empty true.
//   - any other comparison, x == y, x < y and so on, is
//     (x | __hypergen_cmp: "==", y): osteele/liquid compared objects with
//     Go's ==, which panicked on a map (o == o stopped the render), and
//     nil, strings and numbers as Go values ("42" > 5 was false: in
//     JavaScript it is true); contains found an object's keys, where
//     liquidjs finds nothing in an object.
//   - a whole number literal past int64 is read as a float: osteele/liquid
//     failed on it (its lexer used ParseInt).
const (
	propFilter    = "__hypergen_prop"
	emptyFilter   = "__hypergen_empty"
	blankFilter   = "__hypergen_blank"
	compareFilter = "__hypergen_cmp"
)

// exprToken is one token of an expression: its text and kind.
type exprToken struct {
	text string
	kind byte // 'i' identifier, 's' string, 'n' number, ' ' space, 'o' an operator of two characters, or the character
}

var exprTokenRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(\s+)|("[^"]*"|'[^']*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w-]*\??)|(==|!=|<>|>=|<=|\.\.)|(.))`)
})

func tokenize(s string) []exprToken {
	var out []exprToken
	for s != "" {
		m := exprTokenRE().FindStringSubmatch(s)
		if m == nil { // an invalid UTF-8 byte: left for the parser to refuse
			out = append(out, exprToken{s[:1], s[0]})
			s = s[1:]
			continue
		}
		t := exprToken{text: m[0]}
		switch {
		case m[1] != "":
			t.kind = ' '
		case m[2] != "":
			t.kind = 's'
		case m[3] != "":
			t.kind = 'n'
		case m[4] != "":
			t.kind = 'i'
		case m[5] != "":
			t.kind = 'o'
		default:
			t.kind = m[0][0]
		}
		out = append(out, t)
		s = s[len(m[0]):]
	}
	return out
}

// needsRewrite says whether expr may hold something rewriteExpr changes,
// so that most tags are left as they are, untokenized.
func needsRewrite(expr string) bool {
	return strings.ContainsAny(expr, "[=<>") || strings.Contains(expr, "contains") || strings.Contains(expr, ".size") || strings.Contains(expr, ".length") ||
		strings.Contains(expr, "empty") || strings.Contains(expr, "blank") || longNumber().MatchString(expr)
}

var longNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d{19}`) })

// rewriteExpr rewrites the expressions in a tag's text, as the comment
// above says; the rest of the text, its spaces and newlines, is kept.
func rewriteExpr(expr string) string {
	if !needsRewrite(expr) {
		return expr
	}
	out, _, _ := rewriteSeq(tokenize(expr), 0, 0)
	return out
}

// piece is a piece of a rewritten sequence: a value with its accessors
// (operand true), or a token between values.
type piece struct {
	text    string
	kind    byte
	operand bool
}

// rewriteSeq rewrites toks from i until the closing close (0: to the
// end), returning the text, the index after the closer and whether there
// was one.
func rewriteSeq(toks []exprToken, i int, close byte) (string, int, bool) {
	var pieces []piece
	closed := false
	for i < len(toks) {
		t := toks[i]
		if close != 0 && t.kind == close {
			i, closed = i+1, true
			break
		}
		switch t.kind {
		case 'i', 's', 'n', '(', '[':
			var text string
			text, i = rewriteOperand(toks, i)
			pieces = append(pieces, piece{text: text, kind: t.kind, operand: true})
		default:
			pieces = append(pieces, piece{text: t.text, kind: t.kind})
			i++
		}
	}
	return joinComparisons(pieces), i, closed
}

// rewriteOperand rewrites the value at toks[i] with the accessors after it.
func rewriteOperand(toks []exprToken, i int) (string, int) {
	t := toks[i]
	var base string
	switch t.kind {
	case '(', '[':
		closer := map[byte]byte{'(': ')', '[': ']'}[t.kind]
		inner, next, closed := rewriteSeq(toks, i+1, closer)
		base, i = t.text+inner, next
		if !closed {
			return base, i // an error osteele/liquid reports
		}
		base += string(closer)
	case 'n':
		base, i = t.text, i+1
		if !strings.Contains(t.text, ".") {
			if _, err := strconv.ParseInt(t.text, 10, 64); err != nil {
				base += ".0" // past int64: see above
			}
		}
	default:
		base, i = t.text, i+1
	}
	// A keyword argument's name (limit:) or a filter's (append:) is no
	// value.
	if t.kind == 'i' && i < len(toks) && toks[i].kind == ':' {
		return base, i
	}
	for i < len(toks) {
		switch {
		case toks[i].kind == '.' && i+1 < len(toks) && toks[i+1].kind == 'i':
			name := toks[i+1].text
			if name == "size" || name == "length" {
				base = "(" + base + " | " + propFilter + ": '" + name + "')"
			} else {
				base += "." + name
			}
			i += 2
		case toks[i].kind == '[':
			inner, next, closed := rewriteSeq(toks, i+1, ']')
			if !closed {
				return base + "[" + inner, next
			}
			base = "(" + base + " | " + propFilter + ": " + inner + ")"
			i = next
		default:
			return base, i
		}
	}
	return base, i
}

// comparisons are the operators compareFilter takes.
var comparisons = map[string]bool{"==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "contains": true}

// joinComparisons writes pieces, with each comparison to empty or blank
// as a call of the filter that makes it.
func joinComparisons(pieces []piece) string {
	isDrop := func(p piece) string {
		if p.operand && (p.text == "empty" || p.text == "blank") {
			return p.text
		}
		return ""
	}
	// next is the index of the first piece after i that is not space.
	next := func(i int) int {
		for i++; i < len(pieces) && pieces[i].kind == ' '; i++ {
		}
		return i
	}
	var b strings.Builder
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if p.operand {
			op := next(i)
			if op < len(pieces) && (pieces[op].text == "==" || pieces[op].text == "!=") {
				other := next(op)
				if other < len(pieces) && pieces[other].operand {
					value, drop := p, isDrop(pieces[other])
					if drop == "" {
						value, drop = pieces[other], isDrop(p)
					}
					if drop != "" {
						b.WriteString("(" + value.text + " | __hypergen_" + drop + ") " + pieces[op].text + " true")
						i = other
						continue
					}
				}
			}
			if op < len(pieces) && comparisons[pieces[op].text] {
				if other := next(op); other < len(pieces) && pieces[other].operand {
					b.WriteString("(" + p.text + " | " + compareFilter + ": '" + pieces[op].text + "', " + pieces[other].text + ")")
					i = other
					continue
				}
			}
		}
		if isDrop(p) != "" && !(next(i) < len(pieces) && pieces[next(i)].text == "=") {
			// Alone, empty and blank are liquidjs's drops, which are
			// truthy and print nothing, as "" does; osteele/liquid took
			// them for undefined variables (falsy). Not the name an
			// assign sets.
			b.WriteString("''")
			continue
		}
		b.WriteString(p.text)
	}
	return b.String()
}

// prop is liquidjs's reading of v's property key, whether written v.key
// or v[key]: an array's item by a number (from the end when negative) or
// a text that is one, a string's UTF-16 code unit, an object's value by
// the key's text; and size (an object's own size first), length, first
// and last.
func prop(v any, key any) any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	isList := rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array
	if f, ok := jsData(key).(float64); ok && isList {
		if f < 0 {
			f += float64(rv.Len())
		}
		if f != math.Trunc(f) || f < 0 || f >= float64(rv.Len()) {
			return nil
		}
		return rv.Index(int(f)).Interface()
	}
	k := text(key)
	switch x := v.(type) {
	case string:
		units := utf16.Encode([]rune(x))
		if k == "size" || k == "length" {
			return len(units)
		}
		if jsvalue.IsArrayIndex(k) {
			if n, _ := strconv.Atoi(k); n < len(units) {
				return string(utf16.Decode(units[n : n+1]))
			}
		}
		return nil
	case object:
		if e, ok := x[k]; ok {
			return e
		}
		if k == "size" {
			return len(x)
		}
		return nil
	}
	if isList {
		n := rv.Len()
		switch {
		case k == "size" || k == "length":
			return n
		case jsvalue.IsArrayIndex(k):
			if i, _ := strconv.Atoi(k); i < n {
				return rv.Index(i).Interface()
			}
			return nil
		}
	}
	if k == "size" {
		if rv.Kind() == reflect.Map && !rv.MapIndex(reflect.ValueOf("size")).IsValid() {
			return rv.Len()
		}
	}
	return values.ValueOf(v).PropertyValue(values.ValueOf(k)).Interface()
}

// isEmpty is liquidjs's comparison with empty: an empty string, array or
// object, and nothing else (not nil).
func isEmpty(v any) bool {
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len() == 0
	}
	return false
}

// isBlank is liquidjs's comparison with blank: what is empty, nil, false
// and a string of spaces.
func isBlank(v any) bool {
	if s, ok := v.(string); ok {
		return strings.TrimFunc(s, jsvalue.IsSpace) == ""
	}
	return v == nil || v == false || isEmpty(v)
}

// rewritten are the forms rewriteExpr writes, innermost first, and what
// they were written from.
var rewritten = sync.OnceValue(func() []struct {
	re   *regexp.Regexp
	with string
} {
	const operand = `([^()|]*|\([^()|]*\))`
	return []struct {
		re   *regexp.Regexp
		with string
	}{
		{regexp.MustCompile(`\(` + operand + ` \| ` + propFilter + `: '(size|length)'\)`), "$1.$2"},
		{regexp.MustCompile(`\(` + operand + ` \| ` + propFilter + `: ` + operand + `\)`), "$1[$2]"},
		{regexp.MustCompile(`\(` + operand + ` \| __hypergen_(empty|blank)\) (==|!=) true`), "$1 $3 $2"},
		{regexp.MustCompile(`\(` + operand + ` \| ` + compareFilter + `: '([=!<>]=?|contains)', ` + operand + `\)`), "$1 $2 $3"},
	}
})

// unrewrite puts back in an error message the expressions rewriteExpr
// rewrote, so that it quotes the template as written.
func unrewrite(msg string) string {
	if !strings.Contains(msg, "__hypergen_") {
		return msg
	}
	for range 100 { // each round undoes one level of nesting at least
		before := msg
		for _, r := range rewritten() {
			msg = r.re.ReplaceAllString(msg, r.with)
		}
		if msg == before {
			break
		}
	}
	return msg
}

// compare is liquidjs's comparison of a and b by op: == is JavaScript's
// === but for lists, equal when their items are; an object is equal to
// itself alone. <, >, <= and >= are JavaScript's: strings by their
// UTF-16 code units, anything else as a number. nil is never less nor
// more than anything, as an undefined variable (NaN) is not.
func compare(a any, op string, b any) bool {
	switch op {
	case "==":
		return jsEqual(a, b)
	case "!=":
		return !jsEqual(a, b)
	case "contains":
		return contains(a, b)
	}
	if a == nil || b == nil {
		return false
	}
	pa, pb := jsPrimitive(a), jsPrimitive(b)
	sa, aText := pa.(string)
	sb, bText := pb.(string)
	var less, more bool // a < b, b < a
	if aText && bText {
		ua, ub := utf16.Encode([]rune(sa)), utf16.Encode([]rune(sb))
		c := slices.Compare(ua, ub)
		less, more = c < 0, c > 0
	} else {
		na, nb := jsvalue.ToNumber(pa), jsvalue.ToNumber(pb)
		if math.IsNaN(na) || math.IsNaN(nb) {
			return false
		}
		less, more = na < nb, nb < na
	}
	switch op {
	case "<":
		return less
	case ">":
		return more
	case "<=":
		return !more
	case ">=":
		return !less
	}
	return false
}

// jsPrimitive is v as JavaScript's comparison takes it: a list or an
// object as its text, anything else as it is.
func jsPrimitive(v any) any {
	switch x := jsData(v).(type) {
	case []any, *jsvalue.Object:
		return jsvalue.ToString(x)
	case float64, string, bool:
		return x
	}
	return text(v)
}

func jsEqual(a, b any) bool {
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	isList := func(rv reflect.Value) bool { return rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array }
	switch {
	case a == nil || b == nil:
		return a == nil && b == nil
	case isList(ra):
		if !isList(rb) || ra.Len() != rb.Len() {
			return false
		}
		for i := range ra.Len() {
			if !jsEqual(ra.Index(i).Interface(), rb.Index(i).Interface()) {
				return false
			}
		}
		return true
	case ra.Kind() == reflect.Map:
		return rb.Kind() == reflect.Map && ra.UnsafePointer() == rb.UnsafePointer()
	}
	switch da := jsData(a); da.(type) {
	case float64, string, bool:
		return da == jsData(b)
	}
	return values.Equal(a, b)
}

// contains is liquidjs's contains: a list's item equal to b, or b's text
// in a string (nothing's text is "undefined", as JavaScript's indexOf
// makes it); anything else contains nothing.
func contains(a, b any) bool {
	if s, ok := a.(string); ok {
		if b == nil {
			return strings.Contains(s, "undefined")
		}
		return strings.Contains(s, text(b))
	}
	if rv := reflect.ValueOf(a); a != nil && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
		for i := range rv.Len() {
			if jsEqual(rv.Index(i).Interface(), b) {
				return true
			}
		}
	}
	return false
}
