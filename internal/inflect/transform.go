package inflect

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Camelize turns "message_properties" into "MessageProperties" (or
// "messageProperties" with lowFirst), and "/" into "::". Each
// underscore-separated word after the first is lower-cased before its first
// letter is raised, so "foo_BAR" becomes "FooBar".
func Camelize(s string, lowFirst bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, segment := range strings.Split(s, "/") {
		if i > 0 {
			b.WriteString("::")
		}
		for k, part := range strings.Split(segment, "_") {
			if k > 0 {
				part = toLower(part)
			}
			if lowFirst && i == 0 && k == 0 {
				b.WriteString(lowerFirst(part))
			} else {
				b.WriteString(upperFirst(part))
			}
		}
	}
	return b.String()
}

// Underscore turns "MessageProperties" into "message_properties" and "::"
// into "/". Only ASCII capitals start a new word. With allUpper, a string
// that is already entirely upper case is returned unchanged.
func Underscore(s string, allUpper bool) string {
	if allUpper && toUpper(s) == s {
		return s
	}
	b := make([]byte, 0, len(s)+len(s)/4)
	for i, segment := range strings.Split(s, "::") {
		if i > 0 {
			b = append(b, '/')
		}
		start := len(b)
		for j := 0; j < len(segment); j++ {
			if c := segment[j]; 'A' <= c && c <= 'Z' {
				b = append(b, '_')
			}
			b = append(b, segment[j])
		}
		// Only one leading underscore is dropped, whether it was inserted
		// or typed: "__foo" keeps one.
		if len(b) > start && b[start] == '_' {
			b = append(b[:start], b[start+1:]...)
		}
	}
	return toLower(string(b))
}

// Humanize turns "employee_salary_id" into "Employee salary": it drops a
// trailing "_id" or "_ids", turns underscores into spaces and capitalizes
// unless lowFirst is set.
func Humanize(s string, lowFirst bool) string {
	s = toLower(s)
	if t, ok := strings.CutSuffix(s, "_ids"); ok {
		s = t
	} else if t, ok := strings.CutSuffix(s, "_id"); ok {
		s = t
	}
	s = strings.ReplaceAll(s, "_", " ")
	if lowFirst {
		return s
	}
	return Capitalize(s)
}

// Capitalize lower-cases s and then upper-cases its first character.
// (hygen's own h.capitalize leaves the rest alone; that is UpperFirst.)
func Capitalize(s string) string { return upperFirst(toLower(s)) }

// Dasherize replaces every space and underscore with a dash.
func Dasherize(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == ' ' || c == '_' {
			b[i] = '-'
		}
	}
	return string(b)
}

// Titleize capitalizes each space-, underscore- or dash-separated word
// except short function words ("and", "of", ...), then the first character
// of the whole title.
func Titleize(s string) string {
	words := strings.Split(strings.ReplaceAll(toLower(s), "_", " "), " ")
	for i, w := range words {
		parts := strings.Split(w, "-")
		for k, p := range parts {
			if _, minor := minorWords()[p]; !minor {
				parts[k] = Capitalize(p)
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	return upperFirst(strings.Join(words, " "))
}

// Demodulize returns what follows the last "::" ("Message::Bus" -> "Bus").
// Separators are found left to right as JS split does, so in ":::" the
// first two colons separate and the third is kept.
func Demodulize(s string) string {
	for {
		i := strings.Index(s, "::")
		if i < 0 {
			return s
		}
		s = s[i+2:]
	}
}

// Tableize turns a class name into a table name: "MessageBusProperty" ->
// "message_bus_properties".
func Tableize(s string) string { return Pluralize(Underscore(s, false)) }

// Classify turns a table name into a class name: "message_bus_properties"
// -> "MessageBusProperty".
func Classify(s string) string { return Singularize(Camelize(s, false)) }

// ForeignKey turns a class name into a foreign key column:
// "Message::BusProperty" -> "bus_property_id" ("bus_propertyid" with
// dropIDUnderscore).
func ForeignKey(s string, dropIDUnderscore bool) string {
	s = Underscore(Demodulize(s), false)
	if dropIDUnderscore {
		return s + "id"
	}
	return s + "_id"
}

// Ordinalize appends an ordinal suffix to every space-separated word that
// JS parseInt accepts ("the 1 pitch" -> "the 1st pitch"). The suffix looks
// at the last characters of the word, not at the parsed number, so "1.2"
// becomes "1.2nd" and "3abc" becomes "3abcth".
func Ordinalize(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if !startsWithInteger(w) {
			continue
		}
		suffix := "th"
		if !strings.HasSuffix(w, "11") && !strings.HasSuffix(w, "12") && !strings.HasSuffix(w, "13") {
			switch w[len(w)-1] {
			case '1':
				suffix = "st"
			case '2':
				suffix = "nd"
			case '3':
				suffix = "rd"
			}
		}
		words[i] = w + suffix
	}
	return strings.Join(words, " ")
}

// startsWithInteger reports whether parseInt(w, 10) is a number: after JS
// white space and an optional sign comes an ASCII digit.
func startsWithInteger(w string) bool {
	w = strings.TrimLeftFunc(w, jsvalue.IsSpace)
	if w != "" && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	return w != "" && '0' <= w[0] && w[0] <= '9'
}

// ErrEmptyWord is returned by Undasherize for input with an empty word,
// where hygen's JS version throws a TypeError. The message is V8's (node
// 20) so that a binding rethrowing it as a TypeError reads the same.
var ErrEmptyWord = errors.New("Cannot read properties of undefined (reading 'toUpperCase')")

// Undasherize is hygen's h.inflection.undasherize: "kebab-case_words"
// becomes "KebabCaseWords", each "-" or "_" separated word getting an
// upper-case first character and a lower-cased rest. An empty word,
// including an empty s, is an error, as it is in JS.
func Undasherize(s string) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '-' && s[i] != '_' {
			continue
		}
		w := s[start:i]
		start = i + 1
		if w == "" {
			return "", ErrEmptyWord
		}
		// JS w[0] is one UTF-16 code unit: for a character outside the BMP
		// that is a surrogate half, which upper-cases to itself.
		_, n := utf8.DecodeRuneInString(w)
		b.WriteString(upperFirst(w[:n]))
		b.WriteString(toLower(w[n:]))
	}
	return b.String(), nil
}
