package uniprop

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// Rewrite returns src with the property escapes of its regular expression
// literals made explicit (see the package comment). A source without
// "\p{" or "\P{" is returned as it is, at the cost of a scan; a source
// that does not parse is too, for the compiler to report. An unknown or
// unsupported property is an error worded as V8's, with goja's position
// prefix ("Line 3:9 ").
func Rewrite(src string) (string, error) {
	if !strings.Contains(src, `\p{`) && !strings.Contains(src, `\P{`) {
		return src, nil
	}
	prog, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return src, nil
	}
	var lits []*ast.RegExpLiteral
	collect(reflect.ValueOf(prog), &lits)
	slices.SortFunc(lits, func(a, b *ast.RegExpLiteral) int { return int(b.Idx - a.Idx) }) // last first: offsets before stay valid
	for _, lit := range lits {
		start := int(lit.Idx) - 1
		end := start + len(lit.Literal)
		if start < 0 || end > len(src) || src[start:end] != lit.Literal || !strings.ContainsAny(lit.Flags, "uv") {
			continue
		}
		slash := strings.LastIndexByte(lit.Literal, '/')
		pattern, err := Pattern(lit.Literal[1:slash])
		if err != nil {
			line := 1 + strings.Count(src[:start], "\n")
			col := start - strings.LastIndexByte(src[:start], '\n')
			return "", fmt.Errorf("Line %d:%d Invalid regular expression: %s/%s: %w", line, col, lit.Literal[:slash], lit.Flags, err)
		}
		src = src[:start] + "/" + pattern + lit.Literal[slash:] + src[end:]
	}
	return src, nil
}

var literalType = reflect.TypeFor[*ast.RegExpLiteral]()

// collect finds every regular expression literal below v. goja's ast has
// no walker, and a reflective one cannot miss a node type added later.
func collect(v reflect.Value, out *[]*ast.RegExpLiteral) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Type() == literalType {
			*out = append(*out, v.Interface().(*ast.RegExpLiteral))
			return
		}
		collect(v.Elem(), out)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collect(v.Field(i), out)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			collect(v.Index(i), out)
		}
	}
}

// Pattern rewrites one pattern of a u-flag expression: \p{…} becomes a
// class of code point ranges ([…], or its ranges alone inside a class),
// \P{…} the class of its complement.
func Pattern(p string) (string, error) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\\' && i+2 < len(p) && (p[i+1] == 'p' || p[i+1] == 'P') && p[i+2] == '{':
			end := strings.IndexByte(p[i+3:], '}')
			if end < 0 {
				return "", fmt.Errorf("Invalid property name")
			}
			rs, err := lookup(p[i+3 : i+3+end])
			if err != nil {
				return "", err
			}
			if p[i+1] == 'P' {
				rs = complement(rs)
			}
			if !inClass {
				b.WriteByte('[')
			}
			writeRanges(&b, rs)
			if !inClass {
				b.WriteByte(']')
			}
			i += 3 + end + 1
		case c == '\\' && i+1 < len(p):
			b.WriteString(p[i : i+2])
			i += 2
		case c == '[' && !inClass, c == ']' && inClass:
			inClass = !inClass
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}

func writeRanges(b *strings.Builder, rs []span) {
	for _, r := range rs {
		writeRune(b, r.lo)
		if r.hi != r.lo {
			b.WriteByte('-')
			writeRune(b, r.hi)
		}
	}
}

func writeRune(b *strings.Builder, r rune) {
	b.WriteString(`\u{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}

// span is a range of code points, both ends included.
type span struct{ lo, hi rune }

// spans lists a table's code points as sorted, merged ranges.
func spans(tables ...*unicode.RangeTable) []span {
	var rs []span
	add := func(lo, hi, stride rune) {
		if stride == 1 {
			rs = append(rs, span{lo, hi})
			return
		}
		for r := lo; r <= hi; r += stride {
			rs = append(rs, span{r, r})
		}
	}
	for _, t := range tables {
		for _, r := range t.R16 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return merge(rs)
}

func merge(rs []span) []span {
	slices.SortFunc(rs, func(a, b span) int { return int(a.lo - b.lo) })
	var out []span
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

func complement(rs []span) []span {
	var out []span
	next := rune(0)
	for _, r := range rs {
		if r.lo > next {
			out = append(out, span{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, span{next, unicode.MaxRune})
	}
	return out
}

// without removes the code points of drop from rs.
func without(rs, drop []span) []span {
	return complement(merge(append(complement(rs), drop...)))
}

var cache sync.Map // property name → []span

// lookup resolves a property as written between the braces.
func lookup(name string) ([]span, error) {
	if rs, ok := cache.Load(name); ok {
		return rs.([]span), nil
	}
	rs, err := resolve(name)
	if err != nil {
		return nil, err
	}
	cache.Store(name, rs)
	return rs, nil
}

func resolve(name string) ([]span, error) {
	if key, value, ok := strings.Cut(name, "="); ok {
		switch key {
		case "General_Category", "gc":
			if rs := category(value); rs != nil {
				return rs, nil
			}
		case "Script", "sc":
			if t, ok := unicode.Scripts[value]; ok {
				return spans(t), nil
			}
		case "Script_Extensions", "scx":
			return nil, fmt.Errorf("Invalid property name (hypergen has no Script_Extensions table; \\p{Script=%s} is the closest)", value)
		}
		return nil, fmt.Errorf("Invalid property name")
	}
	if rs := category(name); rs != nil {
		return rs, nil
	}
	if rs := binary(name); rs != nil {
		return rs, nil
	}
	return nil, fmt.Errorf("Invalid property name \\p{%s} (hypergen knows General_Category, Script and the binary properties in Go's unicode tables)", name)
}

// categoryNames are the General_Category long names JavaScript accepts,
// by their short names (as in Go's unicode.Categories).
var categoryNames = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
	"Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo",
	"Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me",
	"Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No",
	"Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd",
	"Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po",
	"Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk", "Other_Symbol": "So",
	"Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl", "Paragraph_Separator": "Zp",
	"Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co", "Unassigned": "Cn",
}

func category(name string) []span {
	if short, ok := categoryNames[name]; ok {
		name = short
	}
	if name == "LC" {
		return spans(unicode.Lu, unicode.Ll, unicode.Lt)
	}
	if t, ok := unicode.Categories[name]; ok {
		return spans(t)
	}
	return nil
}

// assigned is every code point with a general category other than Cn.
func assigned() []span { return complement(spans(unicode.Cn)) }

// binary resolves the binary properties Go's tables give, directly or
// as Unicode derives them.
func binary(name string) []span {
	switch name {
	case "Any":
		return []span{{0, unicode.MaxRune}}
	case "ASCII":
		return []span{{0, 0x7f}}
	case "Assigned":
		return assigned()
	case "Alphabetic", "Alpha":
		return spans(unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl, unicode.Other_Alphabetic)
	case "Lowercase", "Lower":
		return spans(unicode.Ll, unicode.Other_Lowercase)
	case "Uppercase", "Upper":
		return spans(unicode.Lu, unicode.Other_Uppercase)
	case "ID_Start", "IDS":
		return without(spans(unicode.L, unicode.Nl, unicode.Other_ID_Start), spans(unicode.Pattern_Syntax, unicode.Pattern_White_Space))
	case "ID_Continue", "IDC":
		return without(spans(unicode.L, unicode.Nl, unicode.Other_ID_Start, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue),
			spans(unicode.Pattern_Syntax, unicode.Pattern_White_Space))
	}
	if t, ok := unicode.Properties[name]; ok && !strings.HasPrefix(name, "Other_") {
		return spans(t)
	}
	return nil
}
