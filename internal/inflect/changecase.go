package inflect

import (
	"unicode"
	"unicode/utf8"
)

// The functions in this file mirror change-case 3.1.0 as hygen exposes it
// (h.changeCase.*). The JS versions take an optional locale as their second
// argument, which only alters a few dotted/dotless i and j forms for tr, az
// and lt. These take no locale and behave as if it were omitted, which is
// how templates normally call them; Locale's methods take one.

// No splits s into words and joins them lower-cased with single spaces:
// "fooBar", "FOO_BAR" and "foo-bar" all become "foo bar".
func No(s string) string { return noCase(s, " ") }

// Dot is No joined with ".".
func Dot(s string) string { return noCase(s, ".") }

// Path is No joined with "/".
func Path(s string) string { return noCase(s, "/") }

// Snake is No joined with "_".
func Snake(s string) string { return noCase(s, "_") }

// Param is No joined with "-" (kebab case).
func Param(s string) string { return noCase(s, "-") }

// Constant is Snake upper-cased.
func Constant(s string) string { return toUpper(noCase(s, "_")) }

// Sentence is No with its first letter upper-cased.
func Sentence(s string) string { return upperFirst(noCase(s, " ")) }

// Title is No with every word's first letter upper-cased.
func Title(s string) string { return upperAfter(noCase(s, " "), ' ') }

// Header is Param with every word's first letter upper-cased.
func Header(s string) string { return upperAfter(noCase(s, "-"), '-') }

// Camel joins the words of s in camelCase. Unless mergeNumbers is set, a
// word starting with an ASCII digit is joined with "_" instead, since the
// digit cannot mark the boundary: "version 1.2" becomes "version_1_2"
// rather than "version12".
func Camel(s string, mergeNumbers bool) string {
	return camelWords(noCase(s, " "), mergeNumbers, appendUpper)
}

// camelWords is Camel after noCase, upper-casing with up.
func camelWords(words string, mergeNumbers bool, up func([]byte, rune) []byte) string {
	b := make([]byte, 0, len(words))
	for i := 0; i < len(words); i++ {
		if words[i] != ' ' {
			b = append(b, words[i])
			continue
		}
		// noCase never ends with its separator, so a word follows.
		next := words[i+1]
		if !mergeNumbers && '0' <= next && next <= '9' {
			b = append(b, '_')
			continue
		}
		r, n := utf8.DecodeRuneInString(words[i+1:])
		b = up(b, r)
		i += n
	}
	return string(b)
}

// Pascal is Camel with the first letter upper-cased.
func Pascal(s string, mergeNumbers bool) string {
	return upperFirst(Camel(s, mergeNumbers))
}

// Upper is JS s.toUpperCase().
func Upper(s string) string { return toUpper(s) }

// Lower is JS s.toLowerCase().
func Lower(s string) string { return toLower(s) }

// IsUpper reports whether s equals its upper-cased form.
func IsUpper(s string) bool { return toUpper(s) == s }

// IsLower reports whether s equals its lower-cased form.
func IsLower(s string) bool { return toLower(s) == s }

// UpperFirst upper-cases the first character of s. It is also exactly
// hygen's own h.capitalize helper.
func UpperFirst(s string) string { return upperFirst(s) }

// LowerFirst lower-cases the first character of s.
func LowerFirst(s string) string { return lowerFirst(s) }

// Swap inverts the case of each character. swap-case walks UTF-16 code
// units, so characters outside the BMP (split into surrogate halves) keep
// their case; a character whose upper-case form is itself is lower-cased
// instead, which is why "İ" turns into "i̇".
func Swap(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r > 0xFFFF || r == utf8.RuneError && n == 1 {
			b = append(b, s[i:i+n]...)
		} else {
			mark := len(b)
			b = appendUpper(b, r)
			if string(b[mark:]) == s[i:i+n] {
				b = appendLower(b[:mark], r)
			}
		}
		i += n
	}
	return string(b)
}

// upperAfter upper-cases the first character of s and each one following
// sep, as title-case and header-case do with /^.| ./ and /^.|-./.
func upperAfter(s string, sep byte) string { return upperAfterWith(s, sep, appendUpper) }

// upperAfterWith is upperAfter upper-casing with up.
func upperAfterWith(s string, sep byte, up func([]byte, rune) []byte) string {
	b := make([]byte, 0, len(s))
	atStart := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if atStart {
			// After noCase a word always starts with a BMP letter or digit.
			b = up(b, r)
		} else {
			b = append(b, s[i:i+n]...)
		}
		atStart = s[i] == sep
		i += n
	}
	return string(b)
}

// noCase is no-case 2.3.2, the word splitter behind every change-case
// function: words are maximal runs of letters and digits, additionally
// split between a lower-case letter or digit and an upper-case letter
// ("fooBar", "v2Beta") and before the last capital of an acronym that
// starts a capitalised word ("XMLHttp" -> "XML Http"). Words are joined
// by sep and the result is lower-cased as a whole.
func noCase(s, sep string) string { return toLower(noCaseWords(s, sep, true)) }

// noCaseWords is noCase before the lower-casing, which a locale does its
// own way; lowerASCII lets it lower-case ASCII letters on the way.
func noCaseWords(s, sep string, lowerASCII bool) string {
	b := make([]byte, 0, len(s)+len(s)/4)
	var prev charClass // class of the previous character; 0 if not a word character
	gap := false       // a separator is owed before the next word character
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		c := classOf(r)
		if c&word == 0 {
			gap = len(b) > 0
			prev = 0
			continue
		}
		if gap || splitsBetween(prev, c, s[i:]) {
			b = append(b, sep...)
			gap = false
		}
		// Lower-casing ASCII here spares toLower a copy for ASCII input;
		// it cannot change the final-sigma context toLower looks at.
		if lowerASCII && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b = utf8.AppendRune(b, r)
		prev = c
	}
	return string(b)
}

// splitsBetween reports whether a camel-case boundary lies between two
// adjacent word characters of classes prev and cur, given the text after
// cur.
func splitsBetween(prev, cur charClass, rest string) bool {
	if cur&upper == 0 {
		return false
	}
	if prev&(lower|number) != 0 {
		return true
	}
	if prev&upper == 0 {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return classOf(next)&lower != 0
}

// charClass holds the no-case character classes of a character.
type charClass uint8

const (
	word   charClass = 1 << iota // letter or number: kept, everything else separates
	upper                        // upper-case letter
	lower                        // lower-case letter
	number                       // any numeric character, not just ASCII digits
)

// classOf classifies r the way no-case's Unicode 8.0 regular expressions
// do. Those expressions see UTF-16 code units, so characters outside the
// BMP arrive as two surrogates that match no class and act as separators.
func classOf(r rune) charClass {
	switch {
	case 'a' <= r && r <= 'z':
		return word | lower
	case 'A' <= r && r <= 'Z':
		return word | upper
	case '0' <= r && r <= '9':
		return word | number
	case r < utf8.RuneSelf || r > 0xFFFF:
		return 0
	case aliGaliFirst <= r && r <= aliGaliLast:
		return word
	case unicode.Is(notInUnicode8, r):
		return 0
	case unicode.Is(unicode.Lu, r):
		return word | upper
	case unicode.Is(unicode.Ll, r):
		if mkhedruliFirst <= r && r <= mkhedruliLast {
			return word
		}
		return word | lower
	case unicode.IsLetter(r):
		return word
	case unicode.IsNumber(r):
		return word | number
	}
	return 0
}
