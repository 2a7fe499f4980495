package inflect

import (
	"testing"
	"unicode/utf8"
)

// The golden table also records per-character facts for the whole code
// space, so the Unicode tables are checked everywhere rather than only at
// the characters that happen to occur in sample words.

func inRanges(ranges [][2]rune) func(rune) bool {
	return func(r rune) bool {
		lo, hi := 0, len(ranges)
		for lo < hi {
			mid := (lo + hi) / 2
			switch {
			case r < ranges[mid][0]:
				hi = mid
			case r > ranges[mid][1]:
				lo = mid + 1
			default:
				return true
			}
		}
		return false
	}
}

func isSurrogate(r rune) bool { return 0xD800 <= r && r <= 0xDFFF }

func TestUnicodeCaseMapping(t *testing.T) {
	g := goldenTable(t)
	upper := make(map[rune]string, len(g.CaseMap))
	lower := make(map[rune]string, len(g.CaseMap))
	for _, e := range g.CaseMap {
		r := rune(e[0].(float64))
		upper[r], lower[r] = e[1].(string), e[2].(string)
	}
	bad := 0
	for r := rune(0); r <= utf8.MaxRune && bad < 20; r++ {
		if isSurrogate(r) {
			continue
		}
		s := string(r)
		wantUp, ok := upper[r]
		if !ok {
			wantUp = s
		}
		wantLow, ok := lower[r]
		if !ok {
			wantLow = s
		}
		if got := toUpper(s); got != wantUp {
			t.Errorf("toUpper(%U) = %+q, want %+q", r, got, wantUp)
			bad++
		}
		if got := toLower(s); got != wantLow {
			t.Errorf("toLower(%U) = %+q, want %+q", r, got, wantLow)
			bad++
		}
	}
}

func TestUnicodeFinalSigmaContext(t *testing.T) {
	g := goldenTable(t)
	cased, ignorable := inRanges(g.Sigma.Cased), inRanges(g.Sigma.Ignorable)
	bad := 0
	for r := rune(0); r <= utf8.MaxRune && bad < 20; r++ {
		if isSurrogate(r) {
			continue
		}
		if got := isCaseIgnorable(r); got != ignorable(r) {
			t.Errorf("isCaseIgnorable(%U) = %v, want %v", r, got, !got)
			bad++
		}
		// The oracle can only observe casedness of characters that are
		// not also ignorable.
		if got := !isCaseIgnorable(r) && isCased(r); got != cased(r) {
			t.Errorf("isCased(%U) = %v, want %v", r, got, !got)
			bad++
		}
	}
}

func TestUnicodeNoCaseClasses(t *testing.T) {
	g := goldenTable(t)
	classes := []struct {
		name string
		bits charClass
		want func(rune) bool
	}{
		{"word", word, inRanges(g.NoCase.Word)},
		{"upper", upper, inRanges(g.NoCase.Upper)},
		{"lower", lower, inRanges(g.NoCase.Lower)},
		{"lower or number", lower | number, inRanges(g.NoCase.LowerOrNumber)},
	}
	bad := 0
	for r := rune(0); r <= utf8.MaxRune && bad < 20; r++ {
		if isSurrogate(r) {
			continue
		}
		for _, c := range classes {
			// Past the BMP the oracle sees surrogate halves, which belong
			// to no class.
			want := r <= 0xFFFF && c.want(r)
			if got := classOf(r)&c.bits != 0; got != want {
				t.Errorf("%s(%U) = %v, want %v", c.name, r, got, want)
				bad++
			}
		}
	}
}
