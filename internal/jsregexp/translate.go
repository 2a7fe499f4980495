package jsregexp

import (
	"fmt"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// Compile compiles a JavaScript pattern with its flags (g, i, m, s, u, y;
// g and y change how a caller searches, not what matches), each match
// bounded by limit (none if it is 0).
func Compile(pattern, flags string, limit time.Duration) (*regexp2.Regexp, error) {
	var f flagSet
	opts := regexp2.ECMAScript
	for _, c := range flags {
		switch c {
		case 'i':
			opts |= regexp2.IgnoreCase
		case 'm':
			f.multiline = true
		case 's':
			f.dotAll = true
		case 'u':
			f.unicode = true
			opts |= regexp2.Unicode
		}
	}
	src, err := translate(pattern, f)
	if err == nil {
		var re *regexp2.Regexp
		if re, err = regexp2.Compile(src, opts); err == nil {
			if limit > 0 {
				re.MatchTimeout = limit
			}
			return re, nil
		}
	}
	return nil, fmt.Errorf("invalid regular expression /%s/: %w", pattern, err)
}

type flagSet struct{ multiline, dotAll, unicode bool }

// The line terminators of JavaScript, and its (ASCII) word characters.
const (
	lineEnds  = `\n\r\u2028\u2029`
	wordClass = `[A-Za-z0-9_]`
)

// translate rewrites a JavaScript pattern into regexp2's ECMAScript dialect.
func translate(p string, f flagSet) (string, error) {
	var b strings.Builder
	named := strings.Contains(p, "(?<") // \k<name> is a back reference only then
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '\\' && i+1 < len(p) {
			i++
			out, used := escape(p, i, inClass, named, f)
			b.WriteString(out)
			i += used
			continue
		}
		if inClass {
			switch c {
			case ']':
				inClass = false
			case '[':
				b.WriteString(`\[`) // .NET would read "-[" as class subtraction
				continue
			}
			b.WriteByte(c)
			continue
		}
		switch c {
		case '[':
			switch {
			case strings.HasPrefix(p[i:], "[]"):
				b.WriteString(`(?!)`) // matches nothing
				i++
				continue
			case strings.HasPrefix(p[i:], "[^]"):
				b.WriteString(`[\s\S]`) // matches anything
				i += 2
				continue
			}
			inClass = true
			b.WriteByte(c)
			if strings.HasPrefix(p[i+1:], "^") {
				b.WriteByte('^')
				i++
			}
		case '.':
			if f.dotAll {
				b.WriteString(`[\s\S]`)
			} else {
				b.WriteString(`[^` + lineEnds + `]`)
			}
		case '^':
			if f.multiline {
				b.WriteString(`(?:^|(?<=[` + lineEnds + `]))`)
			} else {
				b.WriteByte(c)
			}
		case '$':
			if f.multiline {
				b.WriteString(`(?=$|[` + lineEnds + `])`)
			} else {
				b.WriteByte(c)
			}
		case '(':
			if strings.HasPrefix(p[i:], "(?") && !validGroup(p[i+2:]) {
				return "", fmt.Errorf("invalid group at offset %d", i)
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// validGroup reports whether what follows "(?" opens a group JavaScript
// has: (?:, (?=, (?!, (?<=, (?<!, (?<name>.
func validGroup(rest string) bool {
	switch {
	case rest == "":
		return false
	case strings.IndexByte(":=!", rest[0]) >= 0:
		return true
	case strings.HasPrefix(rest, "<=") || strings.HasPrefix(rest, "<!"):
		return true
	case rest[0] == '<':
		end := strings.IndexByte(rest, '>')
		return end > 1
	}
	return false
}

// escape translates the escape whose letter is p[i], and says how many
// bytes after it the translation took in as well.
func escape(p string, i int, inClass, named bool, f flagSet) (string, int) {
	c := p[i]
	if c == 'c' {
		// A control letter; in a class (Annex B) a digit or _ too, as
		// code % 32. JavaScript reads any other \c as a backslash and a c.
		if i+1 < len(p) && (isLetter(p[i+1]) || inClass && (p[i+1] == '_' || '0' <= p[i+1] && p[i+1] <= '9')) {
			return fmt.Sprintf(`\x%02X`, p[i+1]%32), 1
		}
		return `\\c`, 0
	}
	return escapeLetter(p, i, inClass, named, f), 0
}

func escapeLetter(p string, i int, inClass, named bool, f flagSet) string {
	c := p[i]
	switch {
	case c == 'b' && !inClass:
		return `(?:(?<=` + wordClass + `)(?!` + wordClass + `)|(?<!` + wordClass + `)(?=` + wordClass + `))`
	case c == 'B' && !inClass:
		return `(?:(?<=` + wordClass + `)(?=` + wordClass + `)|(?<!` + wordClass + `)(?!` + wordClass + `))`
	case strings.IndexByte("dDwWsSnrtvfb0123456789", c) >= 0:
		return `\` + string(c)
	case c == 'x':
		if hexRun(p[i+1:]) >= 2 {
			return `\x`
		}
	case c == 'u':
		if hexRun(p[i+1:]) >= 4 || f.unicode && strings.HasPrefix(p[i+1:], "{") {
			return `\u`
		}
	case c == 'k':
		if named && strings.HasPrefix(p[i+1:], "<") {
			return `\k`
		}
	case c == 'p' || c == 'P':
		if f.unicode {
			return `\` + string(c)
		}
	case !isLetter(c):
		return `\` + string(c) // an escaped character stands for itself
	}
	// A letter with no meaning of its own stands for itself.
	return string(c)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func hexRun(s string) int {
	n := 0
	for n < len(s) && strings.IndexByte("0123456789abcdefABCDEF", s[n]) >= 0 {
		n++
	}
	return n
}
