package genspec

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// decodeError says what a value of the wrong kind should have been, where
// the YAML decoder's own message names Go types ("cannot unmarshal !!str
// `1` into float64").
func decodeError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err
	}
	lines := make([]string, len(te.Errors))
	for i, e := range te.Errors {
		lines[i] = typeMismatch(e)
	}
	return errors.New(strings.Join(lines, "; "))
}

var mismatch = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("^(line \\d+: )cannot unmarshal !!(\\w+) (?:`(.*)` )?into (.+)$")
})

func typeMismatch(msg string) string {
	m := mismatch().FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want, ok := map[string]string{
		"genspec.rawSpec":     "a mapping of keys (" + strings.Join(specKeys, ", ") + ")",
		"genspec.rawVariable": "a mapping of keys (" + strings.Join(variableKeys, ", ") + ")",
		"[]string":            "a list of strings",
		"string":              "a string",
		"float64":             "a number",
		"bool":                "true or false",
	}[strings.TrimPrefix(m[4], "*")]
	if !ok {
		return msg
	}
	got := map[string]string{"seq": "a list", "map": "a mapping", "null": "nothing"}[m[2]]
	if got == "" {
		got = fmt.Sprintf("%q", m[3])
	}
	return m[1] + "want " + want + ", got " + got
}
