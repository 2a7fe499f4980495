package frontmatter

import (
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// SyntaxError is invalid frontmatter, with the 1-based line in the template
// file where known (0 when the parser gave no position).
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("invalid YAML frontmatter at line %d: %s", e.Line, e.Msg)
	}
	return "invalid YAML frontmatter: " + e.Msg
}

// Parse splits text and decodes its frontmatter. Attributes are nil-safe: a
// file without frontmatter has an empty object.
func Parse(text string) (*jsvalue.Object, Split, error) {
	sp := SplitText(text)
	attrs, err := decode(sp.YAML, yamlLineOffset(text, sp))
	return attrs, sp, err
}

// yamlLineOffset is the number of file lines before the first YAML line, so
// parser line numbers can be reported as file lines.
func yamlLineOffset(text string, sp Split) int {
	if !sp.HasFences {
		return 0
	}
	// The YAML was trimmed; find where it starts in the file.
	i := strings.Index(text, sp.YAML)
	if i < 0 {
		return 1
	}
	return strings.Count(text[:i], "\n")
}

var yamlLineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): `) })

// fileLine is the file line of line n (1-based) of src as the YAML parser
// counts lines: it ends them at "\r" too (and at NEL, LS and PS), while the
// file's lines, as editors and every other error count them, end at "\n".
// offset is the number of file lines before src.
func fileLine(src string, n, offset int) int {
	if n <= 0 {
		return 0
	}
	i, breaks := 0, 0
	for i < len(src) && breaks < n-1 {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '\r' && strings.HasPrefix(src[i+size:], "\n"):
			size++
			breaks++
		case r == '\r' || r == '\n' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			breaks++
		}
		i += size
	}
	return offset + strings.Count(src[:i], "\n") + 1
}

func decode(src string, lineOffset int) (*jsvalue.Object, error) {
	out := jsvalue.NewObject()
	if strings.TrimSpace(src) == "" {
		return out, nil
	}
	// front-matter trims the block, and js-yaml then ends the input with a
	// line break, so a block scalar last in it keeps its final newline.
	// Lines are still counted in src: the break added is not the file's.
	parsed := src
	if !strings.HasSuffix(src, "\n") && !strings.HasSuffix(src, "\r") {
		parsed += "\n"
	}
	doc, err := parseOne(parsed)
	// What js-yaml reads and yaml.v3 refuses, rewritten into what yaml.v3
	// reads the same way. Asked only of frontmatter that failed, where a
	// mistake of a rewrite can only turn an error into a value; neither
	// moves a line, so the lines of values and errors stay the file's.
	for _, rewrite := range []func(string) (string, bool){unescapeSlashes, untabIndents} {
		if err == nil {
			break
		}
		if alt, ok := rewrite(parsed); ok {
			if altDoc, altErr := parseOne(alt); altErr == nil {
				doc, err = altDoc, nil
			}
			parsed = alt
		}
	}
	if err != nil {
		msg := err.Error()
		line := 0
		if m := yamlLineRe().FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = fileLine(src, n, lineOffset)
			msg = msg[len(m[0]):]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		return nil, &SyntaxError{Line: line, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	d := decoder{src: src, lineOffset: lineOffset}
	if hasNonSpecificTag(parsed) {
		d.parsedLines = strings.Split(parsed, "\n")
	}
	v, err := d.value(root)
	if err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case nil:
		return out, nil
	case *jsvalue.Object:
		return x, nil
	default:
		return nil, &SyntaxError{Line: fileLine(src, root.Line, lineOffset), Msg: "frontmatter must be a mapping of keys to values"}
	}
}

// unescapeSlashes turns "\\/" into "/" inside the double-quoted scalars of
// src, and reports whether it found any. It reads just enough of YAML to
// tell where such a scalar starts: a quote first on its line, after one of
// "[ { ," or of ": - ?" and white space (":" alone inside a flow
// collection), or after an anchor or tag and white space. Comments and the
// lines of block scalars ("|", ">") are copied as they are.
func unescapeSlashes(src string) (string, bool) {
	var b strings.Builder
	b.Grow(len(src))
	changed := false
	var quote byte // the open quoted scalar's quote, or 0
	flow := 0      // depth of [ and { around
	block := -1    // the indent of the line that opened a block scalar
	atLine := true // at the start of a line, outside any quoted scalar
	var prev byte  // the last byte outside white space on this line, 0 at its start
	run := 0       // where the last run of non-space bytes on this line began
	for i := 0; i < len(src); i++ {
		if atLine {
			atLine = false
			eol := strings.IndexByte(src[i:], '\n')
			if eol < 0 {
				eol = len(src) - i
			}
			line := src[i : i+eol]
			indent := leadingSpaces(line)
			if block >= 0 && (strings.TrimSpace(line) == "" || indent > block) {
				b.WriteString(line)
				i += eol - 1
				if i+1 < len(src) {
					atLine = true
					b.WriteByte('\n')
					i++
				}
				continue
			}
			block = -1
			prev, run = 0, i
			if blockIndicator(line) {
				block = indent
			}
		}
		c := src[i]
		switch {
		case quote == '"' && c == '\\' && i+1 < len(src):
			if src[i+1] == '/' {
				b.WriteByte('/')
				changed = true
			} else {
				b.WriteByte(c)
				b.WriteByte(src[i+1])
			}
			i++
			continue
		case quote == '\'' && c == '\'' && i+1 < len(src) && src[i+1] == '\'':
			b.WriteString("''")
			i++
			continue
		case quote != 0 && c == quote:
			quote, prev = 0, c
		case quote != 0:
		case c == '\n':
			atLine = true
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#' && (prev == 0 || src[i-1] == ' ' || src[i-1] == '\t'):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			b.WriteString(src[i : i+end])
			i += end - 1
			continue
		case (c == '"' || c == '\'') && quoteStarts(src, i, prev, run, flow):
			quote = c
		default:
			switch c {
			case '[', '{':
				flow++
			case ']', '}':
				flow = max(flow-1, 0)
			}
			if i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || prev == 0 {
				run = i
			}
			prev = c
		}
		b.WriteByte(c)
	}
	return b.String(), changed
}

// parseOne parses src as the one YAML document it must be. yaml.v3 reads a
// line indented less than an indented first one as the start of a second
// document, where js-yaml fails; Unmarshal would silently drop it and what
// follows.
func parseOne(src string) (yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(src))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return doc, err
	}
	switch err := dec.Decode(&next); {
	case err == io.EOF:
		return doc, nil
	case err != nil:
		return doc, err
	}
	return doc, fmt.Errorf("yaml: line %d: end of the frontmatter expected: the line is indented less than the first", next.Line)
}

// untabIndents rewrites the lines of src that have a tab in their
// indentation, which yaml.v3 refuses, into what it reads as js-yaml 3 reads
// the originals. js-yaml takes a line's indent from the spaces before its
// first tab and skips the white space after them; a block collection that
// such a line opens is indented to the column of its first entry, a tab
// counting one. So a line of white space with a tab is blank, "\t# note"
// a comment, "\tkey: v" after "to: a" a key beside it, and "obj:\n\ta: 1"
// a key "a" beside obj, which stays null. In a block scalar, a line with
// fewer spaces than its text ends it; the first line of its text may go on
// with a tab, which yaml.v3 then needs an indentation indicator for. It
// reports whether it changed anything.
func untabIndents(src string) (string, bool) {
	lines := strings.SplitAfter(src, "\n")
	changed := false
	set := func(i int, s string) {
		if s != lines[i] {
			lines[i], changed = s, true
		}
	}
	block, text := -1, -1             // a block scalar's opening line's indent and its text's
	opener := 0                       // the line that opened it
	prevIndent, prevOpens := -1, true // the document opens the first block
	flow := 0                         // [ and { left open by the lines before
	for i, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		eol := line[len(body):]
		rest := strings.TrimLeft(body, " \t")
		spaces := leadingSpaces(body)
		lead := body[:len(body)-len(rest)]
		tabbed := strings.ContainsRune(lead, '\t')
		if block >= 0 {
			switch {
			case rest == "" && tabbed && text >= 0 && spaces < text && !textFollows(lines[i+1:], text):
				// js-yaml ends the scalar here, and it ends anyway.
				set(i, eol)
				continue
			case rest == "":
				// Blank, or white space with a tab that js-yaml reads as
				// text or as an error by rules of its own: yaml.v3's
				// reading stands.
				continue
			case text < 0 && spaces > block:
				text = spaces
				if tabbed && spaces <= 9 {
					set(opener, withIndentIndicator(lines[opener], spaces))
				}
				continue
			case text >= 0 && spaces >= text:
				continue
			}
			block = -1
		}
		if flow > 0 {
			// Inside a flow collection js-yaml's reading of a tab is its
			// own: the error stands.
			flow = flowDepth(rest, flow)
			continue
		}
		if tabbed {
			switch {
			case rest == "":
				set(i, eol)
			case prevOpens && rest[0] != '#' && (spaces > prevIndent || rest == "-" || strings.HasPrefix(rest, "- ")):
				set(i, strings.Repeat(" ", len(lead))+rest+eol)
			default:
				set(i, strings.Repeat(" ", spaces)+rest+eol)
			}
		}
		if rest == "" || rest[0] == '#' {
			continue
		}
		indent := leadingSpaces(lines[i])
		content := strings.TrimRight(rest[:commentStart(rest)], " \t")
		prevIndent, prevOpens = indent, strings.HasSuffix(content, ":") || content == "-"
		flow = flowDepth(content, 0)
		if blockIndicator(rest) {
			block, text, opener = indent, -1, i
		}
	}
	return strings.Join(lines, ""), changed
}

// flowDepth is depth, the [ and { open before line, after line: its
// brackets outside quoted text counted, to the end or a comment.
func flowDepth(line string, depth int) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return depth
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return depth
}

// commentStart is where a comment begins in line (a "#" after white
// space), or its length. Quoted scalars are not told apart: it is asked
// only of lines that end a key or open a block scalar.
func commentStart(line string) int {
	for c := 1; c < len(line); c++ {
		if line[c] == '#' && (line[c-1] == ' ' || line[c-1] == '\t') {
			return c
		}
	}
	return len(line)
}

// leadingSpaces is how many spaces line starts with: its indent, as YAML
// counts it.
func leadingSpaces(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// textFollows reports whether the first of lines that is not white space
// is a line of a block scalar's text indented by text spaces.
func textFollows(lines []string, text int) bool {
	for _, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		if strings.TrimLeft(body, " \t") != "" {
			return leadingSpaces(body) >= text
		}
	}
	return false
}

// withIndentIndicator gives the block scalar that line opens the
// indentation indicator n.
func withIndentIndicator(line string, n int) string {
	body := strings.TrimRight(line, "\r\n")
	head := strings.TrimRight(body[:commentStart(body)], " \t")
	return head + strconv.Itoa(n) + body[len(head):] + line[len(body):]
}

// quoteStarts reports whether the quote at src[i] opens a quoted scalar (see
// unescapeSlashes): prev is the last byte before it outside white space on
// its line (0: none), run where that byte's run began.
func quoteStarts(src string, i int, prev byte, run, flow int) bool {
	spaced := i > 0 && (src[i-1] == ' ' || src[i-1] == '\t')
	switch {
	case prev == 0 || strings.IndexByte("[{,", prev) >= 0:
		return true
	case strings.IndexByte(":-?", prev) >= 0:
		return spaced || prev == ':' && flow > 0
	}
	return spaced && (src[run] == '&' || src[run] == '!')
}

// blockIndicator reports whether a line opens a block scalar: its last word
// before any comment is "|" or ">" with chomping and indentation indicators.
func blockIndicator(line string) bool {
	f := strings.Fields(line[:commentStart(line)])
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	return (last[0] == '|' || last[0] == '>') && strings.Trim(last[1:], "+-0123456789") == ""
}

type decoder struct {
	src        string
	lineOffset int
	depth      int
	// aliasing counts the aliases being expanded, outermost first in
	// outerAlias; aliased counts the values decoded inside them.
	aliasing, aliased int
	aliasedBytes      int // of the strings decoded inside them
	outerAlias        *yaml.Node
	// parsedLines holds the text yaml.v3 read, split in lines, when it may
	// hold a non-specific tag ("!"), which yaml.v3 drops without a trace
	// in its nodes.
	parsedLines []string
}

// maxAliased bounds the values that aliases expand to. Each alias is
// decoded into a copy of what it names, where js-yaml shares one value, so
// a few lines of nested aliases (the "billion laughs") would otherwise
// make gigabytes of copies; no real frontmatter comes near.
const maxAliased = 100_000

// maxAliasedBytes bounds the text that aliases copy. Decoding shares a
// string, but every string value of the frontmatter is rendered as EJS on
// its own: a thousand aliases of a 1 MB string made a gigabyte of output
// from a 1 MB template.
const maxAliasedBytes = 16 << 20

func (d *decoder) fail(n *yaml.Node, format string, args ...any) error {
	return &SyntaxError{Line: fileLine(d.src, n.Line, d.lineOffset), Msg: fmt.Sprintf(format, args...)}
}

func (d *decoder) value(n *yaml.Node) (any, error) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 100 {
		return nil, d.fail(n, "nesting too deep")
	}
	if d.aliasing > 0 {
		if d.aliased++; d.aliased > maxAliased {
			return nil, d.fail(d.outerAlias, "aliases expand to more than %d values", maxAliased)
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if d.aliasing == 0 {
			d.outerAlias = n
		}
		d.aliasing++
		defer func() { d.aliasing-- }()
		return d.value(n.Alias)
	case yaml.MappingNode:
		return d.mapping(n)
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := d.value(c)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case yaml.ScalarNode:
		if d.aliasing > 0 {
			if d.aliasedBytes += len(n.Value); d.aliasedBytes > maxAliasedBytes {
				return nil, d.fail(d.outerAlias, "aliases expand to more than %d MiB of text", maxAliasedBytes>>20)
			}
		}
		return d.scalar(n)
	}
	return nil, d.fail(n, "unsupported YAML node")
}

func (d *decoder) mapping(n *yaml.Node) (any, error) {
	obj := jsvalue.NewObject()
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, vnode := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			if err := d.merge(obj, vnode); err != nil {
				return nil, err
			}
			continue
		}
		kv, err := d.value(k)
		if err != nil {
			return nil, err
		}
		key := jsvalue.ToString(kv)
		if seen[key] {
			return nil, d.fail(k, "duplicated mapping key %q", key)
		}
		seen[key] = true
		v, err := d.value(vnode)
		if err != nil {
			return nil, err
		}
		obj.Set(key, v)
	}
	return obj, nil
}

// merge applies a YAML merge key (<<): keys already present win.
func (d *decoder) merge(into *jsvalue.Object, n *yaml.Node) error {
	sources := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		sources = n.Content
	}
	for _, s := range sources {
		v, err := d.value(s)
		if err != nil {
			return err
		}
		src, ok := v.(*jsvalue.Object)
		if !ok {
			return d.fail(s, "cannot merge a non-mapping value")
		}
		for _, k := range src.Keys() {
			if _, exists := into.Get(k); !exists {
				sv, _ := src.Get(k)
				into.Set(k, sv)
			}
		}
	}
	return nil
}

func (d *decoder) scalar(n *yaml.Node) (any, error) {
	if isExplicitTag(n) {
		switch n.Tag {
		case "!!js/regexp":
			re, err := parseRegExp(n.Value)
			if err != nil {
				return nil, d.fail(n, "!!js/regexp %q: %v", n.Value, err)
			}
			return re, nil
		case "!!js/undefined":
			return jsvalue.Undefined, nil
		case "!!js/function":
			return nil, d.fail(n, "!!js/function is not supported")
		case "!!int", "!!float", "!!bool", "!!null", "!!timestamp":
			return d.explicit(n)
		case "!!str", "!!binary":
			return n.Value, nil
		default:
			return nil, d.fail(n, "unknown tag %s", n.Tag)
		}
	}
	if n.Style != 0 || d.nonSpecific(n) {
		// Quoted and block scalars are always strings, and so is a plain
		// one tagged "!": js-yaml resolves only an untagged plain scalar.
		return n.Value, nil
	}
	return resolvePlain(n.Value), nil
}

// hasNonSpecificTag reports whether src may hold a "!" tag: a "!" before
// white space or a line's end. It keeps the search for one off the
// frontmatter that has none, nearly all of it.
func hasNonSpecificTag(src string) bool {
	for i := strings.IndexByte(src, '!'); i >= 0; {
		if i+1 == len(src) || isYAMLSpace(src[i+1]) {
			return true
		}
		next := strings.IndexByte(src[i+1:], '!')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isYAMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nonSpecific reports whether node n starts with a "!" tag, before or
// after its anchor, and its value follows on the same line (js-yaml
// resolves a value on the next line, "!" or not). yaml.v3 places a node at
// its first property, tag or anchor, and counts columns in characters.
func (d *decoder) nonSpecific(n *yaml.Node) bool {
	if d.parsedLines == nil || n.Line < 1 || n.Line > len(d.parsedLines) {
		return false
	}
	text := []rune(strings.TrimSuffix(d.parsedLines[n.Line-1], "\r"))
	if n.Column < 1 || n.Column > len(text) {
		return false
	}
	props := string(text[n.Column-1:])
	for props != "" {
		word := props
		if end := strings.IndexAny(props, " \t"); end >= 0 {
			word = props[:end]
		}
		switch {
		case word == "!":
			return strings.TrimLeft(props[1:], " \t") != ""
		case !strings.HasPrefix(word, "&"):
			return false
		}
		props = strings.TrimLeft(props[len(word):], " \t")
	}
	return false
}

// isExplicitTag tells a tag written in the source from one yaml.v3 inferred.
func isExplicitTag(n *yaml.Node) bool { return n.Style&yaml.TaggedStyle != 0 }

func (d *decoder) explicit(n *yaml.Node) (any, error) {
	v := resolvePlain(n.Value)
	switch n.Tag {
	case "!!int":
		// Only an integer's forms: js-yaml refuses 1.5 or 1e3 as !!int.
		if isYAMLInt(n.Value) && !strings.HasSuffix(n.Value, "_") {
			if f, ok := parseInt(n.Value); ok {
				return f, nil
			}
		}
	case "!!float":
		if _, ok := v.(float64); ok {
			return v, nil
		}
	case "!!bool":
		if _, ok := v.(bool); ok {
			return v, nil
		}
	case "!!null":
		if v == nil {
			return nil, nil
		}
	case "!!timestamp":
		return n.Value, nil
	}
	return nil, d.fail(n, "cannot resolve %q as %s", n.Value, n.Tag)
}

// parseRegExp reads js-yaml 3's !!js/regexp form: "/source/flags", where
// the flags are at most three of g, i and m and the closing slash is
// required, or a bare source. js-yaml refuses any other flag, and
// JavaScript a flag given twice, so hygen stops at either.
func parseRegExp(s string) (*jsvalue.RegExp, error) {
	if !strings.HasPrefix(s, "/") {
		return &jsvalue.RegExp{Source: s}, nil
	}
	flags := s[len(strings.TrimRight(s, "gim")):]
	body := s[:len(s)-len(flags)]
	if len(flags) > 3 || !strings.HasSuffix(body, "/") {
		return nil, errors.New("want /source/flags with the flags g, i and m only")
	}
	source := ""
	if len(body) >= 2 { // "/" alone is an empty source, as in js-yaml
		source = body[1 : len(body)-1]
	}
	for i := range len(flags) {
		if strings.Count(flags, flags[i:i+1]) > 1 {
			return nil, fmt.Errorf("the flag %q is given twice", flags[i])
		}
	}
	return &jsvalue.RegExp{Source: source, Flags: flags}, nil
}

// resolvePlain resolves an unquoted scalar the way js-yaml 3's default schema
// does: null, booleans, integers (with 0b/0x/leading-zero octal, underscores
// and base-60), floats; everything else is a string.
func resolvePlain(s string) any {
	switch s {
	case "~", "null", "Null", "NULL", "":
		return nil
	case "true", "True", "TRUE":
		return true
	case "false", "False", "FALSE":
		return false
	}
	// Every integer and float form starts with a sign, a digit or a dot.
	if strings.IndexByte("+-.0123456789", s[0]) < 0 {
		return s
	}
	switch {
	case isYAMLInt(s) && !strings.HasSuffix(s, "_"):
		if v, ok := parseInt(s); ok {
			return v
		}
	case isYAMLFloat(s) && strings.ContainsAny(s, "0123456789.") && !strings.HasSuffix(s, "_"):
		if v, ok := parseFloat(s); ok {
			return v
		}
	}
	return s
}

func parseInt(s string) (float64, bool) {
	sign := 1.0
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	s = strings.ReplaceAll(s, "_", "")
	if s == "" {
		return 0, false
	}
	if strings.Contains(s, ":") {
		return sign * base60(s), true
	}
	base := 10
	switch {
	case strings.HasPrefix(s, "0b"):
		base, s = 2, s[2:]
	case strings.HasPrefix(s, "0x"):
		base, s = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, s = 8, s[1:]
	}
	u, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if base != 10 || ferr != nil {
			return 0, false
		}
		return sign * f, true
	}
	return sign * float64(u), true
}

func parseFloat(s string) (float64, bool) {
	s = strings.ReplaceAll(s, "_", "")
	lower := strings.ToLower(s)
	switch {
	case strings.HasSuffix(lower, ".inf"):
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case lower == ".nan":
		return math.NaN(), true
	}
	sign := 1.0
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	if strings.Contains(s, ":") {
		return sign * base60(s), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var numErr *strconv.NumError
		if errors.As(err, &numErr) && numErr.Err == strconv.ErrRange {
			return sign * f, true
		}
		return 0, false
	}
	return sign * f, true
}

func base60(s string) float64 {
	v := 0.0
	for _, part := range strings.Split(s, ":") {
		f, _ := strconv.ParseFloat(part, 64)
		v = v*60 + f
	}
	return v
}
