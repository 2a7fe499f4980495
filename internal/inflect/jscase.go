package inflect

import (
	"unicode"
	"unicode/utf8"
)

// Everything both libraries do ends in String.prototype.toUpperCase or
// toLowerCase, whose full Unicode mappings differ from Go's strings.ToUpper
// and strings.ToLower: "ß" upper-cases to "SS", "İ" lower-cases to "i̇", and
// a capital sigma lower-cases to "ς" at the end of a word. The helpers here
// reproduce V8's results, which are locale-independent.

// toUpper is JS str.toUpperCase().
func toUpper(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'a' || s[i] > 'z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+len(s)/8+4)
	copy(b, s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[i])
		} else {
			b = appendUpper(b, r)
		}
		i += n
	}
	return string(b)
}

// toLower is JS str.toLowerCase().
func toLower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+len(s)/8+4)
	copy(b, s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[i])
		case r == capitalSigma:
			if endsWord(s, i, i+n) {
				b = utf8.AppendRune(b, finalSigma)
			} else {
				b = utf8.AppendRune(b, smallSigma)
			}
		default:
			b = appendLower(b, r)
		}
		i += n
	}
	return string(b)
}

// upperFirst upper-cases the first UTF-16 code unit of s, as the JS idiom
// s.charAt(0).toUpperCase() + s.slice(1) does. For a character outside the
// BMP that code unit is half a surrogate pair, which has no case, so the
// string is returned unchanged.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r > 0xFFFF || r == utf8.RuneError && n == 1 {
		return s
	}
	head := appendUpper(make([]byte, 0, n+4), r)
	if string(head) == s[:n] {
		return s
	}
	return string(head) + s[n:]
}

// lowerFirst is upperFirst's counterpart. A lone first character has no
// preceding letter, so a capital sigma becomes "σ", never "ς".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r > 0xFFFF || r == utf8.RuneError && n == 1 {
		return s
	}
	head := appendLower(make([]byte, 0, n+4), r)
	if string(head) == s[:n] {
		return s
	}
	return string(head) + s[n:]
}

// appendUpper appends the full upper-case form of r.
func appendUpper(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if x, ok := upperExpansions()[r]; ok {
		return append(b, x...)
	}
	for _, p := range newerCasePairs {
		if p.lower <= r && r < p.lower+p.n {
			return utf8.AppendRune(b, p.upper+r-p.lower)
		}
	}
	return utf8.AppendRune(b, unicode.ToUpper(r))
}

// appendLower appends the full lower-case form of r taken on its own; only
// toLower knows enough context to pick the final form of sigma.
func appendLower(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if r == 0x0130 {
		return append(b, lowerExpansionOf0130...)
	}
	for _, p := range newerCasePairs {
		if p.upper <= r && r < p.upper+p.n {
			return utf8.AppendRune(b, p.lower+r-p.upper)
		}
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

const (
	capitalSigma = 'Σ'
	smallSigma   = 'σ'
	finalSigma   = 'ς'
)

// endsWord applies Unicode's Final_Sigma condition to the character at
// s[start:end]: a cased letter comes before it and none follows, looking
// past case-ignorable characters in both directions.
func endsWord(s string, start, end int) bool {
	casedBefore := false
	for i := start; i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if !isCaseIgnorable(r) {
			casedBefore = isCased(r)
			break
		}
	}
	if !casedBefore {
		return false
	}
	for i := end; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !isCaseIgnorable(r) {
			return !isCased(r)
		}
	}
	return true
}

// isCased is Unicode's Cased property as ICU sees it. ICU checks
// ignorability first, so callers do too.
func isCased(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	if r == noLongerCased {
		return false
	}
	for _, p := range newerCasePairs {
		if p.upper <= r && r < p.upper+p.n || p.lower <= r && r < p.lower+p.n {
			return true
		}
	}
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt,
		unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// isCaseIgnorable is Unicode's Case_Ignorable property.
func isCaseIgnorable(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '\'' || r == '.' || r == ':' || r == '^' || r == '`'
	}
	if r == noLongerIgnorable {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm,
		unicode.Sk, wordBreakCaseIgnorable, newerCaseIgnorable)
}
