package argv

import (
	"github.com/hypergen-dev/hypergen/internal/jsvalue"

	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

var (
	hexNumber     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^0x[0-9a-f]+$`) })
	decimalNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$`) })
)

// maxSafeInteger is JavaScript's Number.MAX_SAFE_INTEGER.
const maxSafeInteger = 1<<53 - 1

// coerce turns s into a float64 when yargs-parser would: it must look like a
// number, and its integer part must survive the round trip through a double,
// so long IDs and "007"-style strings keep their spelling.
func coerce(s string) any {
	// The first bytes are tested before the patterns (which need them), so
	// that a cold run compiles no pattern for a word.
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && hexNumber().MatchString(s) {
		// yargs-parser's safety check sees hex as 0 (parseFloat stops at the
		// "x"), so any hex string converts, even to +Inf.
		f, _ := strconv.ParseFloat(s+"p0", 64)
		return f
	}
	if strings.HasPrefix(s, "0") && len(s) > 1 && s[1] != '.' {
		return s
	}
	if s == "" || strings.IndexByte("-.0123456789", s[0]) < 0 || !decimalNumber().MatchString(s) {
		return s
	}
	// Overflow yields ±Inf, which then fails the safety check as in JS.
	f, _ := strconv.ParseFloat(s, 64)
	if fl := math.Floor(f); math.IsInf(fl, 0) || math.Abs(fl) > maxSafeInteger {
		return s
	}
	return f
}

// addOne computes the JavaScript expression `v + 1`. yargs-parser's counter
// support compares every new value with 1 and, on a match, adds 1 to the
// existing value instead of storing it, so "--x 5 --x 1" yields 6 and
// "--x a --x 1" yields "a1".
func addOne(v any) any {
	switch v := v.(type) {
	case nil:
		return 1.0
	case float64:
		return v + 1
	case bool:
		if v {
			return 2.0
		}
		return 1.0
	default:
		return jsvalue.ToString(v) + "1"
	}
}
