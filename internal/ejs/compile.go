package ejs

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
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

// Options are the ejs options a template can change. hygen calls ejs.render
// without an options object, so ejs takes these from locals of the same name
// (a --delimiter flag changes the tags); see OptionsFromLocals.
type Options struct {
	Delimiter    string // replaces '%' in every tag; "" means '%'
	RmWhitespace bool   // drop blank lines and leading/trailing blanks of each line
	Strict       bool   // strict mode, which also drops the with(locals) scope
	NoWith       bool   // no with(locals) scope: bare names are not locals
}

// tokenPattern lists the tags in the order ejs's pattern tries them at one
// position, with '%' standing for the delimiter.
var tokenPattern = []string{"<%%", "%%>", "<%=", "<%-", "<%_", "<%#", "<%", "%>", "-%>", "_%>"}

// tags is the tag set for one delimiter.
type tags struct {
	list                                   []string
	open, openEsc, openRaw, openSlurp      string
	openComment, literalOpen, literalClose string
	close, closeTrim, closeSlurp           string
}

func newTags(d string) *tags {
	if d == "" {
		d = "%"
	}
	t := &tags{}
	for _, p := range tokenPattern {
		t.list = append(t.list, strings.ReplaceAll(p, "%", d))
	}
	t.literalOpen, t.literalClose, t.openEsc, t.openRaw, t.openSlurp, t.openComment, t.open, t.close, t.closeTrim, t.closeSlurp =
		t.list[0], t.list[1], t.list[2], t.list[3], t.list[4], t.list[5], t.list[6], t.list[7], t.list[8], t.list[9]
	return t
}

var defaultTags = newTags("%")

type mode int

const (
	modeText mode = iota
	modeEval
	modeEscaped
	modeRaw
	modeComment
	modeLiteral
)

// tagsFor is the tag set of opts' delimiter.
func tagsFor(opts Options) *tags {
	if opts.Delimiter != "" && opts.Delimiter != "%" {
		return newTags(opts.Delimiter)
	}
	return defaultTags
}

// Literal reports whether template renders to itself under opts: it holds
// no tag (not even a stray closing one, which ejs drops), no whitespace
// option rewrites it, and it is valid UTF-8 (which the JavaScript parser
// demands). A caller can then skip compiling and running it.
func Literal(template string, opts Options) bool {
	if opts.RmWhitespace || !utf8.ValidString(template) {
		return false
	}
	for _, t := range tagsFor(opts).list {
		if strings.Contains(template, t) {
			return false
		}
	}
	return true
}

// Compile translates an EJS template.
func Compile(template string, opts Options) (*Source, error) {
	tg := tagsFor(opts)
	text := template
	if opts.RmWhitespace {
		text = removeWhitespace(text)
	}
	text = slurpWhitespace(text)
	parts := split(text, tg)
	c := compiler{line: 1, tags: tg}
	head := "(function (locals, escapeFn, include, rethrow) {\n"
	if opts.Strict {
		head += "\"use strict\";\n"
	}
	// ejs appends with `__output += s`, which in goja copies the whole output
	// every time (quadratic: 2 MB took 51 s). The pieces are collected in an
	// array and joined once; `"" + s` converts each piece as += would
	// (valueOf before toString), so the text is the same.
	head += "var __line = 1;\ntry {\n" +
		"  var __output = [];\n" +
		"  function __append(s) { if (s !== undefined && s !== null) __output.push(\"\" + s) }\n"
	tail := "  return __output.join(\"\");\n} catch (e) {\n  rethrow(e, __line);\n}\n})"
	if !opts.Strict && !opts.NoWith {
		head += "  with (locals || {}) {\n"
		tail = "  }\n" + tail
	}
	c.emit(0, head)
	for i, p := range parts {
		if strings.HasPrefix(p, tg.open) && !strings.HasPrefix(p, tg.literalOpen) {
			if i+2 >= len(parts) || !tg.isClose(parts[i+2]) {
				return nil, &Error{Line: c.line, Msg: fmt.Sprintf("could not find matching close tag for %q", p)}
			}
		}
		c.scan(p)
	}
	c.emit(c.line, tail)
	return &Source{Function: c.out.String(), lines: c.lines}, nil
}

func (t *tags) isClose(s string) bool { return s == t.close || s == t.closeTrim || s == t.closeSlurp }

// Compiled on first use: only templates with rmWhitespace need them.
var (
	lineBreaks     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\r\n]+`) })
	edgeWhitespace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^[ \t\f\v]+|[ \t\f\v]+$`) })
)

// removeWhitespace is ejs's rmWhitespace pre-pass: line breaks collapse to
// one "\n" (so blank lines go) and each line loses its leading and trailing
// blanks.
func removeWhitespace(s string) string {
	s = lineBreaks().ReplaceAllString(s, "\n")
	s = edgeWhitespace().ReplaceAllString(s, "")
	// A leading or trailing line break is whitespace at the text's edge.
	return strings.TrimPrefix(strings.TrimSuffix(s, "\n"), "\n")
}

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
func split(s string, tg *tags) []string {
	var parts []string
	start := 0
	first := tg.literalClose[0] // the delimiter's first byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '<' && c != first && c != '-' && c != '_' {
			continue
		}
		for _, t := range tg.list {
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
	tags     *tags
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
	t := c.tags
	switch p {
	case t.open, t.openSlurp:
		c.mode = modeEval
	case t.openEsc:
		c.mode = modeEscaped
	case t.openRaw:
		c.mode = modeRaw
	case t.openComment:
		c.mode = modeComment
	case t.literalOpen:
		c.mode = modeLiteral
		c.emit(c.line, "    ; __append(\""+jsStringEscaper.Replace(t.open)+"\")\n")
	case t.literalClose:
		c.mode = modeLiteral
		c.emit(c.line, "    ; __append(\""+jsStringEscaper.Replace(t.close)+"\")\n")
	case t.close, t.closeTrim, t.closeSlurp:
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
