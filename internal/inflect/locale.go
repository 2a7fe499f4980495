package inflect

import (
	"strings"
	"unicode/utf8"
)

// Locale is change-case 3's locale argument. Its upper-case 1.1.3 and
// lower-case 1.1.4 rewrite a few dotted and dotless i and j forms for "tr",
// "az" and "lt" before String.prototype's case mapping; every other locale,
// and none, maps as JavaScript does. The methods are the change-case
// functions that take the locale; Locale("") gives what the plain functions
// give, and as fast.
type Locale string

// rules are a locale's rewrites, by the character they start at.
type rules struct {
	lower, upper func(s string, i int) (to string, n int)
}

func (l Locale) rules() *rules {
	switch l {
	case "tr":
		return &trRules
	case "az":
		return &azRules
	case "lt":
		return &ltRules
	}
	return nil
}

var (
	// lower-case's tr pattern, /\u0130|\u0049|\u0049\u0307/, tries "I"
	// before "I\u0307", so the dot above stays after a dotless i.
	trRules = rules{lower: oneOf(map[rune]string{'İ': "i", 'I': "ı"}), upper: oneOf(map[rune]string{'i': "İ"})}
	// az's lower-case pattern is /[\u0130]/ alone, though its map has tr's.
	azRules = rules{lower: oneOf(map[rune]string{'İ': "i"}), upper: oneOf(map[rune]string{'i': "İ"})}
	ltRules = rules{
		lower: oneOf(map[rune]string{'I': "i\u0307", 'J': "j\u0307", 'Į': "į\u0307", 'Ì': "i\u0307\u0300", 'Í': "i\u0307\u0301", 'Ĩ': "i\u0307\u0303"}),
		// upper-case's lt pattern is /[ij\u012F]\u0307|i\u0307[\u0300\u0301\u0303]/:
		// its first branch matches wherever the second would, so the dot
		// above goes and an accent after it stays.
		upper: func(s string, i int) (string, int) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r == 'i' || r == 'j' || r == 'į') && strings.HasPrefix(s[i+n:], "\u0307") {
				return map[rune]string{'i': "I", 'j': "J", 'į': "Į"}[r], n + len("\u0307")
			}
			return "", 0
		},
	}
)

func oneOf(m map[rune]string) func(string, int) (string, int) {
	return func(s string, i int) (string, int) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if to, ok := m[r]; ok {
			return to, n
		}
		return "", 0
	}
}

// rewrite applies one of a locale's rewrites over s, as String.replace with
// a global pattern does.
func rewrite(s string, at func(string, int) (string, int)) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if to, n := at(s, i); n > 0 {
			b.WriteString(s[last:i])
			b.WriteString(to)
			i += n
			last = i
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Lower is lower-case: JS s.toLowerCase() after the locale's rewrites.
func (l Locale) Lower(s string) string {
	if r := l.rules(); r != nil {
		s = rewrite(s, r.lower)
	}
	return toLower(s)
}

// Upper is upper-case: JS s.toUpperCase() after the locale's rewrites.
func (l Locale) Upper(s string) string {
	if r := l.rules(); r != nil {
		s = rewrite(s, r.upper)
	}
	return toUpper(s)
}

// No is no-case with the locale and the replacement that joins the words
// (" " in no-case when it is not a string).
func (l Locale) No(s, sep string) string {
	if l.rules() == nil {
		return noCase(s, sep)
	}
	// The words keep their case for the locale's lower-case: "I" is "ı"
	// in tr, not "i".
	return l.Lower(noCaseWords(s, sep, false))
}

// Camel is camel-case with the locale.
func (l Locale) Camel(s string, mergeNumbers bool) string {
	if l.rules() == nil {
		return Camel(s, mergeNumbers)
	}
	return camelWords(l.No(s, " "), mergeNumbers, l.appendUpper)
}

// Pascal is pascal-case with the locale.
func (l Locale) Pascal(s string, mergeNumbers bool) string {
	return l.UpperFirst(l.Camel(s, mergeNumbers))
}

// Title is title-case with the locale.
func (l Locale) Title(s string) string {
	if l.rules() == nil {
		return Title(s)
	}
	return upperAfterWith(l.No(s, " "), ' ', l.appendUpper)
}

// Header is header-case with the locale.
func (l Locale) Header(s string) string {
	if l.rules() == nil {
		return Header(s)
	}
	return upperAfterWith(l.No(s, "-"), '-', l.appendUpper)
}

// Constant is constant-case with the locale.
func (l Locale) Constant(s string) string { return l.Upper(l.No(s, "_")) }

// Sentence is sentence-case with the locale.
func (l Locale) Sentence(s string) string { return l.UpperFirst(l.No(s, " ")) }

// IsUpper is is-upper-case with the locale.
func (l Locale) IsUpper(s string) bool { return l.Upper(s) == s }

// IsLower is is-lower-case with the locale.
func (l Locale) IsLower(s string) bool { return l.Lower(s) == s }

// UpperFirst is upper-case-first with the locale.
func (l Locale) UpperFirst(s string) string {
	if l.rules() == nil {
		return upperFirst(s)
	}
	return l.first(s, l.Upper)
}

// LowerFirst is lower-case-first with the locale.
func (l Locale) LowerFirst(s string) string {
	if l.rules() == nil {
		return lowerFirst(s)
	}
	return l.first(s, l.Lower)
}

// first maps the first UTF-16 unit of s, which is half a pair, and so
// left alone, for a character outside the BMP.
func (l Locale) first(s string, f func(string) string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r > 0xFFFF || r == utf8.RuneError && n == 1 {
		return s
	}
	return f(s[:n]) + s[n:]
}

// Swap is swap-case with the locale: each UTF-16 unit upper-cased, or
// lower-cased where that leaves it as it was.
func (l Locale) Swap(s string) string {
	if l.rules() == nil {
		return Swap(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		c := s[i : i+n]
		i += n
		if r > 0xFFFF || r == utf8.RuneError && n == 1 {
			b.WriteString(c)
			continue
		}
		if u := l.Upper(c); u != c {
			b.WriteString(u)
		} else {
			b.WriteString(l.Lower(c))
		}
	}
	return b.String()
}

// appendUpper is upper-case of one character, which only tr's and az's
// "i" rewrite can match: lt's patterns are two characters long.
func (l Locale) appendUpper(b []byte, r rune) []byte {
	if r == 'i' && (l == "tr" || l == "az") {
		return append(b, "İ"...)
	}
	return appendUpper(b, r)
}
