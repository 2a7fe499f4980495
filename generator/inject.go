package generator

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"

	"github.com/hypergen-dev/hypergen/internal/jsregexp"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// locationKeys are the attributes that say where an injection goes; the first
// one present in the frontmatter, in YAML order, wins.
var locationKeys = map[string]bool{"at_line": true, "prepend": true, "append": true, "before": true, "after": true}

// injectInto returns content with body injected as hygen's injector does. The
// target is split on its dominant line ending, the body is inserted as one
// element, and the lines are joined again. warning is non-empty when a
// before:/after: pattern matched nothing (hygen then injects at the top, or
// not at all, without a word). skipped reports that skip_if matched, and
// out is then content unchanged.
func injectInto(attrs *jsvalue.Object, body, content string, limit time.Duration) (out string, skipped bool, warning string, err error) {
	if skip := attrValue(attrs, "skip_if"); jsvalue.Truthy(skip) {
		re, err := jsRegexp(skip, "", limit)
		if err != nil {
			return "", false, "", fmt.Errorf("skip_if: %w", err)
		}
		ok, err := re.MatchString(content)
		if err != nil {
			return "", false, "", fmt.Errorf("skip_if: %w", regexError(re, limit, err))
		}
		if ok {
			return content, true, "", nil
		}
	}
	nl := dominantNewline(content)
	lines := strings.Split(content, nl)
	idx, missing, err := insertIndex(attrs, lines, limit)
	if err != nil {
		return "", false, "", err
	}
	if missing != "" {
		warning = fmt.Sprintf("%s: %s matches nothing in the target; ", missing, jsvalue.ToString(attrValue(attrs, missing)))
		if missing == "before" {
			warning += "nothing injected, as hygen does"
		} else {
			warning += "injected at the top, as hygen does"
		}
	}
	if math.IsNaN(idx) || idx < 0 {
		return content, false, warning, nil
	}
	eofLast := attrValue(attrs, "eof_last")
	endsWithNewline := strings.HasSuffix(body, "\n")
	switch {
	case eofLast == false && endsWithNewline:
		body = strings.TrimSuffix(strings.TrimSuffix(body, "\n"), "\r")
	case eofLast == true && !endsWithNewline:
		body += nl
	}
	return strings.Join(splice(lines, idx, body), nl), false, warning, nil
}

func attrValue(attrs *jsvalue.Object, key string) any {
	if v, ok := attrs.Get(key); ok {
		return v
	}
	return jsvalue.Undefined
}

// splice inserts s at idx as Array.prototype.splice does: the index is
// truncated towards zero and clamped to the length.
func splice(lines []string, idx float64, s string) []string {
	i := len(lines)
	if idx < float64(len(lines)) {
		i = int(idx)
	}
	out := make([]string, 0, len(lines)+1)
	out = append(out, lines[:i]...)
	out = append(out, s)
	return append(out, lines[i:]...)
}

// dominantNewline is the line ending the target mostly uses; "\n" when it
// has none (hygen uses os.EOL).
func dominantNewline(s string) string {
	total := strings.Count(s, "\n")
	crlf := strings.Count(s, "\r\n")
	if crlf > total-crlf {
		return "\r\n"
	}
	return "\n"
}

// insertIndex finds the insertion index from the first location key. NaN or
// a negative index means "insert nothing". missing names the before/after
// key whose pattern matched nothing.
func insertIndex(attrs *jsvalue.Object, lines []string, limit time.Duration) (idx float64, missing string, err error) {
	for _, k := range attrs.Keys() {
		if !locationKeys[k] {
			continue
		}
		v, _ := attrs.Get(k)
		switch k {
		case "at_line":
			return jsvalue.ToNumber(v), "", nil
		case "prepend":
			return 0, "", nil
		case "append":
			return float64(len(lines) - 1), "", nil
		default:
			i, found, err := patternIndex(v, lines, k == "before", limit)
			if err != nil {
				return 0, "", fmt.Errorf("%s: %w", k, err)
			}
			if !found {
				missing = k
			}
			return float64(i), missing, nil
		}
	}
	return -1, "", nil
}

// patternIndex finds the line a before/after pattern points at: the first
// line it matches; failing that, a multi-line match over the whole text.
// found is false when neither matched (the index is then hygen's fallback).
func patternIndex(pattern any, lines []string, before bool, limit time.Duration) (idx int, found bool, err error) {
	re, err := jsRegexp(pattern, "", limit)
	if err != nil {
		return 0, false, err
	}
	for i, l := range lines {
		ok, err := re.MatchString(l)
		if err != nil {
			return 0, false, regexError(re, limit, err)
		}
		if ok {
			if before {
				return i, true, nil
			}
			return i + 1, true, nil
		}
	}
	full := strings.Join(lines, "\n")
	multi, err := jsRegexp(pattern, "m", limit)
	if err != nil {
		return 0, false, err
	}
	m, err := multi.FindStringMatch(full)
	if err != nil {
		return 0, false, regexError(multi, limit, err)
	}
	if m == nil {
		if before {
			return -1, false, nil
		}
		return 0, false, nil
	}
	runes := []rune(full)
	if before {
		return strings.Count(string(runes[:m.RuneIndex]), "\n"), true, nil
	}
	// hygen measures the match with String(match), which joins the whole
	// match and its capture groups with commas.
	end := m.RuneIndex + len([]rune(matchString(m)))
	end = min(end, len(runes))
	return strings.Count(string(runes[:end]), "\n") + 1, true, nil
}

func matchString(m *regexp2.Match) string {
	groups := m.Groups()
	parts := make([]string, len(groups))
	for i, g := range groups {
		if len(g.Captures) > 0 {
			parts[i] = g.String()
		}
	}
	return strings.Join(parts, ",")
}

// jsRegexp builds the regular expression JavaScript would: a !!js/regexp
// value keeps its flags unless flags overrides them (new RegExp(re, flags));
// anything else is converted to a string and used as the pattern.
func jsRegexp(v any, flags string, limit time.Duration) (*regexp2.Regexp, error) {
	src := ""
	switch x := v.(type) {
	case *jsvalue.RegExp:
		src = x.Source
		if flags == "" {
			flags = x.Flags
		}
	case string:
		src = x
	default:
		if v == jsvalue.Undefined {
			src = ""
		} else {
			src = jsvalue.ToString(v)
		}
	}
	return jsregexp.Compile(src, flags, limit)
}

// regexError explains a match that failed, which regexp2 does only when a
// backtracking pattern (such as ^((.+)+)+X$) ran past its time limit. Its
// own message quotes the whole input, a target file of any size (the agent
// sent a 200 KB file back to a client), so it is kept in the chain only.
func regexError(re *regexp2.Regexp, limit time.Duration, err error) error {
	return &regexStopped{msg: fmt.Sprintf("regular expression /%s/ stopped: matching ran longer than the time limit of %s", re.String(), limit), err: err}
}

type regexStopped struct {
	msg string
	err error
}

func (e *regexStopped) Error() string { return e.msg }
func (e *regexStopped) Unwrap() error { return e.err }

// regexLimit bounds each match of a user's regular expression (subaction,
// inject and skip_if patterns) as the JavaScript time limit bounds scripts.
func (e *Engine) regexLimit() time.Duration {
	if e.cfg.JSTimeout > 0 {
		return e.cfg.JSTimeout
	}
	return jsrt.DefaultTimeout
}
