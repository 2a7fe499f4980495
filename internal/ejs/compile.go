package ejs

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Source is a template translated to JavaScript. Function evaluates to a
// function of (locals, escapeFn, include, rethrow, piece) returning the
// rendered text, where piece(v) is the text an output tag adds for v: ""
// for undefined and null, else `"" + v` (PieceFunction). It calls
// rethrow(exception, template line) on an exception, except in a one-line
// concatenation, whose exceptions are left to locate by their position
// (TemplateLine).
type Source struct {
	Function string
	// Code is the JavaScript of the template's tags alone, without its
	// text: what the template may call, for a runtime to prepare (a word
	// in the text, such as "Event", names nothing).
	Code string
	// Concat: Function is one concatenation (see CompileStatements).
	Concat bool
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

// Compile translates an EJS template. A template without scriptlets becomes
// one concatenation (Source.Concat), any other a list of statements.
func Compile(template string, opts Options) (*Source, error) {
	return translate(template, opts, true)
}

// CompileStatements translates template as a list of statements, whatever
// its tags. A broken output tag (`<%= f( %>`) is a syntax error on its own
// line there, where in Compile's concatenation the parser meets the first
// token it cannot take only at the end of the text: compile with Compile,
// and locate a syntax error with CompileStatements.
func CompileStatements(template string, opts Options) (*Source, error) {
	return translate(template, opts, false)
}

func translate(template string, opts Options, concat bool) (*Source, error) {
	tg := tagsFor(opts)
	text := template
	if opts.RmWhitespace {
		text = removeWhitespace(text)
	}
	text = slurpWhitespace(text)
	parts := split(text, tg)
	// A template of output tags and text only (the usual frontmatter value)
	// becomes one concatenation: goja compiles that in about two thirds of the
	// memory the array of pieces takes, and a cold run compiles every text
	// of its action.
	// ejs's own names, which a scriptlet may use: __append(s) appends to
	// the output, __output is it (a string), __lines the template's text.
	// Only a text that names one gets them, and gets __output as a string,
	// whose += is quadratic in goja (see below).
	appendFn, outputVar, linesVar := strings.Contains(text, "__append"), strings.Contains(text, "__output"), strings.Contains(text, "__lines")
	c := compiler{line: 1, tags: tg, stringOut: outputVar,
		concat: concat && len(parts) <= maxConcatParts && !hasCode(parts, tg) && !appendFn && !outputVar && !linesVar}
	// Room for the whole function at once (the text, about 30 bytes of code
	// around each piece, the head and tail) and for its line table: grown
	// piece by piece they were a third of what translating allocated.
	c.out.Grow(len(text) + 32*len(parts) + 256)
	c.lines = make([]int, 0, strings.Count(text, "\n")+len(parts)+12)
	head := "(function (locals, escapeFn, include, rethrow, __piece) {\n"
	if opts.Strict {
		head += "\"use strict\";\n"
	}
	// The try block only tells rethrow the line an exception came from. A
	// one-line concatenation (most frontmatter values) has one line to tell,
	// which the exception's own position gives as well, and compiles in two
	// thirds of the memory without it.
	tail := "})"
	if !c.concat || strings.Contains(text, "\n") {
		head += "var __line = 1;\ntry {\n"
		tail = "} catch (e) {\n  rethrow(e, __line);\n}\n" + tail
	}
	// ejs appends with `__output += s`, which in goja copies the whole output
	// every time (quadratic: 2 MB took 51 s). The pieces are collected in an
	// array and joined once.
	body, end := "  var __output = [];\n", "  return __output.join(\"\");\n"
	switch {
	case c.concat:
		body, end = "", ""
	case c.stringOut:
		body, end = "  var __output = \"\";\n", "  return __output;\n"
	}
	if appendFn {
		body += "  function __append(s) { if (s !== undefined && s !== null) " + c.push("s") + " }\n"
	}
	if linesVar {
		lines, _ := json.Marshal(text) // the same string as JSON.stringify's
		body += "  var __lines = " + string(lines) + ";\n"
	}
	if !opts.Strict && !opts.NoWith {
		body += "  with (locals || {}) {\n"
		end = "  }\n" + end
	}
	if c.concat {
		// The chain starts from an empty template literal, not "": goja folds
		// an operation on two constants ("" + "text") at compile time, and
		// makes a whole runtime (goja.New) for each compile to do so. A
		// template literal is not a constant to it.
		body += "    return ``\n"
		end = "    ;\n" + end
	}
	head += body
	tail = end + tail
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
	return &Source{Function: c.out.String(), Code: c.code.String(), Concat: c.concat, lines: c.lines}, nil
}

func (t *tags) isClose(s string) bool { return s == t.close || s == t.closeTrim || s == t.closeSlurp }

// maxConcatParts bounds the pieces of a concatenation: goja compiles the
// nested "+" of one in time that grows with the square of its pieces (5,000
// output tags took 0.25 s, 40,000 took 9 s, and no time limit or signal
// stops a compile), where the statement form grows linearly (0.13 s and
// 0.54 s). Frontmatter values, which the concatenation is for, have a few.
const maxConcatParts = 1000

// hasCode reports whether parts hold a scriptlet (`<%`, `<%_`), the only tag
// whose code is a statement rather than a value.
func hasCode(parts []string, tg *tags) bool {
	for _, p := range parts {
		if p == tg.open || p == tg.openSlurp {
			return true
		}
	}
	return false
}

// PieceFunction is the source of the piece function a compiled template
// takes (see Source): `"" + v` converts a value as ejs's `__output += v`
// does, valueOf before toString.
const PieceFunction = `(function (v) { return v === undefined || v === null ? "" : "" + v })`

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
	// Each tag opens, holds code and closes, and text may follow it.
	parts := make([]string, 0, 4*strings.Count(s, tg.open)+1)
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
	// concat: the pieces are operands of one `+` expression rather than
	// pushes onto __output; a line change is then recorded just before the
	// next output tag runs (pendingLine), the only piece that can throw.
	concat      bool
	pendingLine bool
	// stringOut: __output is a string, as in ejs, for a text that uses it.
	stringOut bool
	code      strings.Builder // the tags' code (Source.Code)
}

// push is the statement appending the JavaScript expression v, a string,
// to __output.
func (c *compiler) push(v string) string {
	if c.stringOut {
		return "__output += " + v
	}
	return "__output.push(" + v + ")"
}

// emit appends generated code attributed to template line tl.
func (c *compiler) emit(tl int, code ...string) {
	for _, s := range code {
		c.out.WriteString(s)
		for n := strings.Count(s, "\n"); n > 0; n-- {
			c.lines = append(c.lines, tl)
		}
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
		c.text(t.open)
	case t.literalClose:
		c.mode = modeLiteral
		c.text(t.close)
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
		case modeEval, modeEscaped, modeRaw:
			c.code.WriteString(p)
			c.code.WriteByte('\n')
		}
		switch c.mode {
		case modeEval:
			c.emit(c.line, "    ; ", p, "\n")
		case modeEscaped:
			c.value("escapeFn(", stripSemi(p), ")")
		case modeRaw:
			c.value("", stripSemi(p), "")
		case modeComment:
		default:
			c.addOutput(p)
		}
	}
	if newlines > 0 {
		c.line += newlines
		if c.concat {
			c.pendingLine = true
		} else {
			c.emit(c.line, "    ; __line = ", strconv.Itoa(c.line), "\n")
		}
	}
}

// text adds literal output. Its line breaks are escaped: it adds one line
// of code.
func (c *compiler) text(s string) {
	open, end := "    ; __output.push(\"", "\")\n"
	switch {
	case c.concat:
		open, end = "    + \"", "\"\n"
	case c.stringOut:
		open, end = "    ; __output += \"", "\"\n"
	}
	c.out.WriteString(open)
	_, _ = jsStringEscaper.WriteString(&c.out, s)
	c.emit(c.line, end)
}

// value adds the output of the expression code (between prefix and suffix).
// The code stays inside the call's parentheses, so `<%- a, b %>` outputs a,
// as ejs's __append(a, b) does.
func (c *compiler) value(prefix, code, suffix string) {
	switch {
	case c.stringOut:
		c.emit(c.line, "    ; __output += __piece(", prefix, code, suffix, ")\n")
	case !c.concat:
		c.emit(c.line, "    ; __output.push(__piece(", prefix, code, suffix, "))\n")
	case c.pendingLine:
		c.emit(c.line, "    + (__line = ", strconv.Itoa(c.line), ", __piece(", prefix, code, suffix, "))\n")
		c.pendingLine = false
	default:
		c.emit(c.line, "    + __piece(", prefix, code, suffix, ")\n")
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
	c.text(s)
}

// stripSemi drops a semicolon that ends an output expression (`<%= x; %>`),
// which would otherwise be a syntax error inside __piece(...).
func stripSemi(s string) string {
	i := strings.LastIndexByte(s, ';')
	if i < 0 || strings.TrimRightFunc(s[i+1:], jsvalue.IsSpace) != "" {
		return s
	}
	return s[:i] + s[i+1:]
}
