package suggest

import (
	"strings"

	"github.com/hbollon/go-edlib"
)

// Closest returns the candidate nearest to word in edit distance (insertions,
// deletions, substitutions and swaps of neighbours, so "dyr" is one edit from
// "dry"), if one is
// near enough to be a plausible typo: at most one edit for words of up to
// four characters, two for longer ones, and never the whole word (so "x" does
// not suggest "y"). Case is ignored; ties go to the earlier candidate.
func Closest(word string, candidates []string) (string, bool) {
	best, bestD := "", -1
	w := strings.ToLower(word)
	for _, c := range candidates {
		if c == word {
			continue
		}
		d := edlib.OSADamerauLevenshteinDistance(w, strings.ToLower(c))
		if d <= Tolerance(word) && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best, bestD >= 0
}

// Tolerance is the largest edit distance Closest accepts for word.
func Tolerance(word string) int {
	n := len([]rune(word))
	switch {
	case n <= 1:
		return 0
	case n <= 4:
		return 1
	}
	return 2
}

// Distance is Closest's edit distance between a and b, ignoring case.
func Distance(a, b string) int {
	return edlib.OSADamerauLevenshteinDistance(strings.ToLower(a), strings.ToLower(b))
}
