package inflect

import (
	"math"
	"unicode/utf8"
)

// inflector is one direction of inflection's rule table.
type inflector struct {
	already []*ending // a word with one of these endings is left as is
	rules   []rule    // otherwise the first rule whose ending matches applies
}

func (in *inflector) apply(w string) string {
	if isUncountable(w) {
		return w
	}
	for _, e := range in.already {
		if _, ok := e.match(w); ok {
			return w
		}
	}
	for i := range in.rules {
		r := &in.rules[i]
		if at, ok := r.e.match(w); ok {
			return r.apply(w, at)
		}
	}
	return w
}

func isUncountable(w string) bool {
	var buf [32]byte
	if len(w) <= len(buf) && isASCII(w) {
		for i := 0; i < len(w); i++ {
			buf[i] = foldByte(w[i])
		}
		_, ok := uncountable()[string(buf[:len(w)])]
		return ok
	}
	_, ok := uncountable()[toLower(w)]
	return ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Pluralize returns the plural of the English noun s ("person" ->
// "people"). As with the optional JS argument, a non-empty override is
// returned instead.
func Pluralize(s string, override ...string) string {
	if len(override) > 0 && override[0] != "" {
		return override[0]
	}
	return toPlural.apply(s)
}

// Singularize returns the singular of the English noun s ("people" ->
// "person"); a non-empty override is returned instead.
func Singularize(s string, override ...string) string {
	if len(override) > 0 && override[0] != "" {
		return override[0]
	}
	return toSingular.apply(s)
}

// Inflect singularizes s when count is exactly 1 and pluralizes it
// otherwise; a NaN count (JS parseFloat failing) leaves s unchanged. The
// optional overrides are the singular and plural forms, in that order.
func Inflect(s string, count float64, overrides ...string) string {
	if math.IsNaN(count) {
		return s
	}
	var singular, plural string
	if len(overrides) > 0 {
		singular = overrides[0]
	}
	if len(overrides) > 1 {
		plural = overrides[1]
	}
	if count == 1 {
		return Singularize(s, singular)
	}
	return Pluralize(s, plural)
}
