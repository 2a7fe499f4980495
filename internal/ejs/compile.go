package ejs

import (
	"fmt"
	"strings"
)

// Source is a template translated to JavaScript. Function evaluates to a
// function of (locals, escapeFn, include, rethrow) returning the rendered text.
type Source struct {
	Function string
	// lines[i] is the template line that produced line i+1 of Function.
	lines []int
}

// TemplateLine maps a 1-based line of Function back to the template line, for
// compile errors that the JavaScript parser reports against the generated code.
func (s *Source) TemplateLine(genLine int) int {
	if genLine < 1 || len(s.lines) == 0 {
		return 0
	}
	if genLine > len(s.lines) {
		return s.lines[len(s.lines)-1]
	}
	return s.lines[genLine-1]
}

// Error is a template that cannot be translated, such as an unclosed tag.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// tokens in the order ejs's tag pattern tries them at one position.
var tokens = []string{"<%%", "%%>", "<%=", "<%-", "<%_", "<%#", "<%", "%>", "-%>", "_%>"}

type mode int

const (
	modeText mode = iota
	modeEval
	modeEscaped
	modeRaw
	modeComment
	modeLiteral
)

// Compile translates an EJS template.
func Compile(template string) (*Source, error) {
	text := slurpWhitespace(template)
	parts := split(text)
	c := compiler{line: 1}
	c.emit(0, "(function (locals, escapeFn, include, rethrow) {\nvar __line = 1;\ntry {\n"+
		"  var __output = \"\";\n"+
		"  function __append(s) { if (s !== undefined && s !== null) __output += s }\n"+
		"  with (locals || {}) {\n")
	for i, p := range parts {
		if strings.HasPrefix(p, "<%") && !strings.HasPrefix(p, "<%%") {
			if i+2 >= len(parts) || !isClose(parts[i+2]) {
				return nil, &Error{Line: c.line, Msg: fmt.Sprintf("could not find matching close tag for %q", p)}
			}
		}
		c.scan(p)
	}
	c.emit(c.line, "  }\n  return __output;\n} catch (e) {\n  rethrow(e, __line);\n}\n})")
	return &Source{Function: c.out.String(), lines: c.lines}, nil
}

func isClose(s string) bool { return s == "%>" || s == "-%>" || s == "_%>" }

// slurpWhitespace applies ejs's pre-pass: spaces and tabs before `<%_` and
// after `_%>` are removed.
func slurpWhitespace(s string) string {
	if !strings.Contains(s, "<%_") && !strings.Contains(s, "_%>") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "<%_") {
			kept := strings.TrimRight(b.String(), " \t")
			b.Reset()
			b.WriteString(kept)
			b.WriteString("<%_")
			i += 3
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	s = b.String()
	b.Reset()
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "_%>") {
			b.WriteString("_%>")
			i += 3
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// split cuts the template into text runs and tags, leftmost tag first.
func split(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '<' && c != '%' && c != '-' && c != '_' {
			continue
		}
		for _, t := range tokens {
			if strings.HasPrefix(s[i:], t) {
				if i > start {
					parts = append(parts, s[start:i])
				}
				parts = append(parts, t)
				i += len(t) - 1
				start = i + 1
				break
			}
		}
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}

type compiler struct {
	out      strings.Builder
	lines    []int
	line     int
	mode     mode
	truncate bool
}

// emit appends generated code attributed to template line tl.
func (c *compiler) emit(tl int, code string) {
	c.out.WriteString(code)
	for n := strings.Count(code, "\n"); n > 0; n-- {
		c.lines = append(c.lines, tl)
	}
}

func (c *compiler) scan(p string) {
	newlines := strings.Count(p, "\n")
	switch p {
	case "<%", "<%_":
		c.mode = modeEval
	case "<%=":
		c.mode = modeEscaped
	case "<%-":
		c.mode = modeRaw
	case "<%#":
		c.mode = modeComment
	case "<%%":
		c.mode = modeLiteral
		c.emit(c.line, "    ; __append(\"<%\")\n")
	case "%%>":
		c.mode = modeLiteral
		c.emit(c.line, "    ; __append(\"%>\")\n")
	case "%>", "-%>", "_%>":
		if c.mode == modeLiteral {
			c.addOutput(p)
		}
		c.mode = modeText
		c.truncate = p[0] == '-' || p[0] == '_'
	default:
		switch c.mode {
		case modeEval, modeEscaped, modeRaw:
			// A trailing line comment would swallow the code ejs appends after it.
			if strings.LastIndex(p, "//") > strings.LastIndex(p, "\n") {
				p += "\n"
			}
		}
		switch c.mode {
		case modeEval:
			c.emit(c.line, "    ; "+p+"\n")
		case modeEscaped:
			c.emit(c.line, "    ; __append(escapeFn("+stripSemi(p)+"))\n")
		case modeRaw:
			c.emit(c.line, "    ; __append("+stripSemi(p)+")\n")
		case modeComment:
		default:
			c.addOutput(p)
		}
	}
	if newlines > 0 {
		c.line += newlines
		c.emit(c.line, fmt.Sprintf("    ; __line = %d\n", c.line))
	}
}

var jsStringEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`, `"`, `\"`,
	"\u2028", `\u2028`, "\u2029", `\u2029`)

func (c *compiler) addOutput(s string) {
	if c.truncate {
		switch {
		case strings.HasPrefix(s, "\r\n"):
			s = s[2:]
		case strings.HasPrefix(s, "\r"), strings.HasPrefix(s, "\n"):
			s = s[1:]
		}
		c.truncate = false
	}
	if s == "" {
		return
	}
	c.emit(c.line, "    ; __append(\""+jsStringEscaper.Replace(s)+"\")\n")
}

// stripSemi drops a semicolon that ends an output expression (`<%= x; %>`),
// which would otherwise be a syntax error inside __append(...).
func stripSemi(s string) string {
	i := strings.LastIndexByte(s, ';')
	if i < 0 || strings.TrimRightFunc(s[i+1:], isJSSpace) != "" {
		return s
	}
	return s[:i] + s[i+1:]
}

func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029',
		'\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}
