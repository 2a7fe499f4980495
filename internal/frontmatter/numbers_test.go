package frontmatter

import (
	"regexp"
	"testing"
)

// The patterns of js-yaml 3's default schema (its int and float types,
// with the same alternatives), which isYAMLInt and isYAMLFloat replace.
var (
	yamlIntPattern   = regexp.MustCompile(`^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	yamlFloatPattern = regexp.MustCompile(`^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
)

func checkNumberForms(t *testing.T, s string) {
	t.Helper()
	if got, want := isYAMLInt(s), yamlIntPattern.MatchString(s); got != want {
		t.Errorf("isYAMLInt(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := isYAMLFloat(s), yamlFloatPattern.MatchString(s); got != want {
		t.Errorf("isYAMLFloat(%q) = %v, the pattern says %v", s, got, want)
	}
}

// TestNumberFormsMatchThePatterns compares the hand-written matchers with
// the patterns on every string up to a length over alphabets that reach
// each alternative, and on forms longer than that.
func TestNumberFormsMatchThePatterns(t *testing.T) {
	for _, c := range []struct {
		alphabet string
		maxLen   int
	}{
		{"+-._:0159eEbx", 5},
		{"+-.:0123456789", 5},
		{"+-.0_9aAbfFxX", 5},
		{"+-.infINFaN", 5},
	} {
		var walk func(prefix []byte)
		walk = func(prefix []byte) {
			checkNumberForms(t, string(prefix))
			if len(prefix) == c.maxLen || t.Failed() {
				return
			}
			for i := 0; i < len(c.alphabet); i++ {
				walk(append(prefix, c.alphabet[i]))
			}
		}
		walk(nil)
	}
	for _, s := range []string{
		"190:20:30", "190:20:30.15", "-1:0:7.5_", "1:60", "1:59:59:59", "0x_DEAD_beef", "0b1010_1111",
		"0o17", "1_000_000", "6.8523015e+5", "685.230_15e+03", "-.INF", "+.inf", ".NaN", "1:5.", "01:05.",
		"12e", "12e+", "1.2.3", "1__:2", "9:99", "١٢", "1\n", " 1", "1 ",
	} {
		checkNumberForms(t, s)
	}
}

func FuzzNumberForms(f *testing.F) {
	for _, s := range []string{"0", "-0x1F", "0b11", "017", "1:30:00", "3.14e-10", ".5", "-.inf", ".nan", "1:2.5"} {
		f.Add(s)
	}
	f.Fuzz(checkNumberForms)
}
