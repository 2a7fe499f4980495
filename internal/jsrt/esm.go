package jsrt

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// goja has no ES module loader, yet Node 20 loads a hook or package written
// as an ES module (require of ESM, with syntax detection). esmToCommonJS
// rewrites a module's top-level import and export statements into CommonJS
// in place, keeping every other character and every line where it was, so
// error lines still point into the file. Exports become getters added at
// the end (live, like ES bindings); a default export also sets __esModule,
// as Node's require of an ES module does. The module sees none of
// CommonJS's names (exports, require, module, __filename, __dirname), as
// in Node's ES module scope, where a module may declare them itself
// (const __dirname = …, const require = createRequire(…)): the rewritten
// statements use the wrapper's own names, esmWrapperParams.
// Dynamic import() and for await … of, which goja cannot compile, are
// rewritten too (see rewriteSyntax).
// helpers reports whether the result calls the rewrites' helpers.
func esmToCommonJS(src string) (out string, isESM, helpers bool, err error) {
	s := &esmScanner{src: src, require: "__esm_require"}
	if err := s.scan(); err != nil {
		return "", false, false, err
	}
	if len(s.edits) == s.syntaxEdits {
		return src, false, false, nil
	}
	var b strings.Builder
	b.WriteString(`"use strict";Object.defineProperty(__esm_exports, Symbol.for("hypergen.esm"), { value: true });`)
	if s.hasDefault {
		b.WriteString(`Object.defineProperty(__esm_exports, "__esModule", { value: true });`)
	}
	s.apply(&b)
	b.WriteString("\n;")
	for _, ex := range s.exports {
		fmt.Fprintf(&b, "Object.defineProperty(__esm_exports, %s, { enumerable: true, get: function () { return %s; } });",
			strconv.Quote(ex.name), ex.expr)
	}
	return b.String(), true, s.syntaxEdits > 0, nil
}

// rewriteSyntax rewrites in a CommonJS script what goja cannot compile and
// Node runs: import(spec), which becomes require.__hypergen_import(spec)
// (a promise of the module's namespace), and for await (x of it), which
// becomes for (x of await require.__hypergen_asyncValues(it)): the loop
// runs over the values once they have all arrived, rather than as each
// does. It reports whether it rewrote anything.
func rewriteSyntax(src string) (string, bool) {
	s := &esmScanner{src: src, require: "require", syntaxOnly: true}
	if err := s.scan(); err != nil || len(s.edits) == 0 {
		return src, false
	}
	var b strings.Builder
	s.apply(&b)
	return b.String(), true
}

// apply writes the source with the scanner's edits made.
func (s *esmScanner) apply(b *strings.Builder) {
	last := 0
	for _, e := range s.edits {
		b.WriteString(s.src[last:e.start])
		b.WriteString(e.text)
		// A replaced statement keeps its line breaks.
		b.WriteString(strings.Repeat("\n", strings.Count(s.src[e.start:e.end], "\n")))
		last = e.end
	}
	b.WriteString(s.src[last:])
}

// Names the syntax rewrites call, on the module's require (requireFunction
// adds them to the require of a rewritten module).
const (
	importHelper      = "__hypergen_import"
	asyncValuesHelper = "__hypergen_asyncValues"
)

type esmEdit struct {
	start, end int
	text       string
}

type esmExport struct{ name, expr string }

type esmScanner struct {
	src        string
	i          int
	edits      []esmEdit
	exports    []esmExport
	hasDefault bool
	imports    int
	// prev is the last significant character outside comments, strings and
	// templates: it tells a regular expression from a division, and a
	// statement start from the middle of an expression.
	prev byte
	nl   bool // a line break since prev
	// require names the module's require in the code the syntax rewrites
	// write; syntaxOnly leaves import and export statements alone.
	require     string
	syntaxOnly  bool
	syntaxEdits int
	// forAwait holds the for await loops whose header is being read: the
	// depth inside its parentheses, and whether its "of" was rewritten.
	forAwait []forAwaitHeader
}

type forAwaitHeader struct {
	depth int
	of    bool
}

func (s *esmScanner) syntaxEdit(start, end int, text string) {
	s.edits = append(s.edits, esmEdit{start, end, text})
	s.syntaxEdits++
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// scan walks the top level of the module; nested code is skipped whole.
func (s *esmScanner) scan() error { return s.code(false) }

// code walks code: the module, or, in a substitution, a template literal's
// ${…} up to and including the "}" that ends it, where import.meta is
// rewritten too but no statement is.
func (s *esmScanner) code(substitution bool) error {
	depth := 0
	if substitution {
		depth = 1 // never 0, where statements are rewritten
		prev, nl := s.prev, s.nl
		s.prev, s.nl = 0, false
		defer func() { s.prev, s.nl = prev, nl }()
	}
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\n':
			s.nl = true
			s.i++
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '/' && s.peek(1) == '/':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		case c == '/' && s.peek(1) == '*':
			end := strings.Index(s.src[s.i+2:], "*/")
			if end < 0 {
				return nil // an unclosed comment: let the compiler say so
			}
			s.nl = s.nl || strings.Contains(s.src[s.i:s.i+end+4], "\n")
			s.i += end + 4
		case c == '"' || c == '\'':
			s.skipString(c)
			s.mark('"')
		case c == '`':
			s.skipTemplate()
			s.mark('`')
		case c == '/' && s.regexAllowed():
			s.skipRegexp()
			s.mark('a') // a value, like a string
		case c == '{' || c == '(' || c == '[':
			depth++
			s.i++
			s.mark(c)
		case c == '}' && substitution && depth == 1:
			s.i++
			return nil
		case c == '}' || c == ')' || c == ']':
			if n := len(s.forAwait); c == ')' && n > 0 && s.forAwait[n-1].depth == depth {
				if s.forAwait[n-1].of {
					s.syntaxEdit(s.i, s.i, ")")
				}
				s.forAwait = s.forAwait[:n-1]
			}
			depth--
			s.i++
			s.mark(c)
		case isIdent(c):
			start := s.i
			for s.i < len(s.src) && isIdent(s.src[s.i]) {
				s.i++
			}
			word := s.src[start:s.i]
			// Not cfg.import.meta, a property named import.
			if !s.syntaxOnly && word == "import" && s.prev != '.' && s.importMeta(start) {
				s.mark('a')
				continue
			}
			if word == "import" && s.prev != '.' && s.after() == '(' {
				s.syntaxEdit(start, s.i, s.require+"."+importHelper)
				s.mark('a')
				continue
			}
			if word == "for" && s.prev != '.' && s.nextWord() == "await" {
				j := s.skipSpace(s.i)
				s.syntaxEdit(j, j+len("await"), "")
				s.i = j + len("await")
				s.forAwait = append(s.forAwait, forAwaitHeader{depth: depth + 1})
				s.mark('a')
				continue
			}
			if n := len(s.forAwait); word == "of" && n > 0 && !s.forAwait[n-1].of && s.forAwait[n-1].depth == depth {
				s.syntaxEdit(s.i, s.i, " await "+s.require+"."+asyncValuesHelper+"(")
				s.forAwait[n-1].of = true
				s.mark('=')
				continue
			}
			if !s.syntaxOnly && depth == 0 && s.statementStart() && (word == "import" && s.after() != '(' || word == "export") {
				if err := s.statement(word, start); err != nil {
					return err
				}
				s.mark(';')
				continue
			}
			s.markWord(word)
		default:
			s.i++
			s.mark(c)
		}
	}
	return nil
}

// importMeta rewrites import.meta when the word "import" just read, from
// start, begins it, and reports whether it did.
func (s *esmScanner) importMeta(start int) bool {
	if s.after() != '.' || !strings.HasPrefix(s.src[s.skipSpace(s.i):], ".meta") {
		return false
	}
	end := s.skipSpace(s.i) + len(".meta")
	s.edits = append(s.edits, esmEdit{start, end, "({ url: __esm_require('url').pathToFileURL(__esm_filename).href, filename: __esm_filename, dirname: __esm_dirname })"})
	s.i = end
	return true
}

func (s *esmScanner) peek(n int) byte {
	if s.i+n < len(s.src) {
		return s.src[s.i+n]
	}
	return 0
}

func (s *esmScanner) mark(c byte) { s.prev, s.nl = c, false }

// markWord records an identifier; keywords that precede an expression
// allow a regular expression after them.
func (s *esmScanner) markWord(w string) {
	switch w {
	case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
		s.mark('=')
	default:
		s.mark('a')
	}
}

func (s *esmScanner) regexAllowed() bool {
	return s.prev == 0 || strings.IndexByte("(,=:[!&|?{};+-*%<>~^", s.prev) >= 0
}

func (s *esmScanner) statementStart() bool {
	return s.prev == 0 || s.prev == ';' || s.prev == '}' || s.nl && strings.IndexByte(".=,(+-*/%<>&|?:[!~^", s.prev) < 0
}

func (s *esmScanner) skipSpace(i int) int {
	for i < len(s.src) && strings.IndexByte(" \t\r\n", s.src[i]) >= 0 {
		i++
	}
	return i
}

// nextWord is the identifier after the next spaces, if one is there.
func (s *esmScanner) nextWord() string {
	j := s.skipSpace(s.i)
	k := j
	for k < len(s.src) && isIdent(s.src[k]) {
		k++
	}
	return s.src[j:k]
}

// after is the next non-space character.
func (s *esmScanner) after() byte {
	if j := s.skipSpace(s.i); j < len(s.src) {
		return s.src[j]
	}
	return 0
}

func (s *esmScanner) skipString(q byte) {
	s.i++
	for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
		if s.src[s.i] == '\\' {
			s.i++
		}
		s.i++
	}
	s.i++
}

func (s *esmScanner) skipTemplate() {
	s.i++
	for s.i < len(s.src) && s.src[s.i] != '`' {
		switch {
		case s.src[s.i] == '\\':
			s.i += 2
		case s.src[s.i] == '$' && s.peek(1) == '{':
			s.i += 2
			_ = s.code(true) // it returns an error only for a statement, which it does not rewrite here
		default:
			s.i++
		}
	}
	s.i++
}

func (s *esmScanner) skipRegexp() {
	s.i++
	class := false
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		switch c := s.src[s.i]; {
		case c == '\\':
			s.i++
		case c == '[':
			class = true
		case c == ']':
			class = false
		case c == '/' && !class:
			s.i++
			for s.i < len(s.src) && isIdent(s.src[s.i]) {
				s.i++
			}
			return
		}
		s.i++
	}
}

// esmPatterns are the statement shapes the rewrite reads, compiled on first
// use so that runs without ES modules pay nothing at start-up.
var esmPatterns = sync.OnceValue(func() *struct{ importClause, declaration, exportList, exportAll, exportDefault *regexp.Regexp } {
	return &struct{ importClause, declaration, exportList, exportAll, exportDefault *regexp.Regexp }{
		importClause:  regexp.MustCompile(`^\s*(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*$`),
		declaration:   regexp.MustCompile(`^export(\s+)(?:(async\s+function\s*\*?|function\s*\*?|class)\s*([\w$]+)|(const|let|var)\s+([\w$]+|\{[^}=]*\}|\[[^\]=]*\]))`),
		exportList:    regexp.MustCompile(`^export\s*\{([^}]*)\}\s*(?:from\s*(['"][^'"]*['"]))?\s*;?`),
		exportAll:     regexp.MustCompile(`^export\s*\*\s*(?:as\s+([\w$]+)\s*)?from\s*(['"][^'"]*['"])\s*;?`),
		exportDefault: regexp.MustCompile(`^export\s+default\b`),
	}
})

// statement rewrites one import or export statement that starts at start
// (s.i is just after its keyword).
func (s *esmScanner) statement(word string, start int) error {
	re := esmPatterns()
	rest := s.src[start:]
	line := strings.Count(s.src[:start], "\n") + 1
	if word == "import" {
		q := strings.IndexAny(rest, `'"`)
		if q < 0 {
			return fmt.Errorf("line %d: an import without a module name", line)
		}
		s.i = start + q
		s.skipString(rest[q])
		spec := s.src[start+q : s.i]
		clause := rest[len("import"):q]
		if strings.TrimSpace(clause) == "" {
			s.edit(start, fmt.Sprintf("__esm_require(%s);", spec))
			return nil
		}
		m := re.importClause.FindStringSubmatch(clause)
		if m == nil {
			return fmt.Errorf("line %d: cannot read this import statement: %s", line, strings.TrimSpace(rest[:s.i-start]))
		}
		s.imports++
		mod := fmt.Sprintf("__esm_import_%d", s.imports)
		text := fmt.Sprintf("const %s = __esm_require(%s);", mod, spec)
		if m[1] != "" {
			// Node's default import of CommonJS is module.exports itself.
			text += fmt.Sprintf("const %s = %s && %s[Symbol.for(\"hypergen.esm\")] ? %s.default : %s;", m[1], mod, mod, mod, mod)
		}
		if m[2] != "" {
			text += fmt.Sprintf("const %s = %s;", m[2], mod)
		}
		if m[3] != "" {
			text += fmt.Sprintf("const { %s } = %s;", renameList(m[3], ":"), mod)
		}
		s.edit(start, text)
		return nil
	}
	if m := re.exportDefault.FindString(rest); m != "" {
		s.hasDefault = true
		s.i = start + len(m)
		s.edits = append(s.edits, esmEdit{start, s.i, "__esm_exports.default ="})
		return nil
	}
	if m := re.declaration.FindStringSubmatchIndex(rest); m != nil {
		// Drop the keyword; the declaration stays, its names are exported.
		s.edits = append(s.edits, esmEdit{start, start + m[3], ""})
		s.i = start + m[1]
		var names string
		if m[6] >= 0 {
			names = rest[m[6]:m[7]]
		} else {
			names = rest[m[10]:m[11]]
		}
		for _, n := range strings.FieldsFunc(names, func(r rune) bool {
			return r == '{' || r == '}' || r == '[' || r == ']' || r == ',' || r == ' ' || r == '\n' || r == '\t'
		}) {
			if n != "" {
				s.exports = append(s.exports, esmExport{n, n})
			}
		}
		return nil
	}
	if m := re.exportAll.FindStringSubmatch(rest); m != nil {
		s.i = start + len(m[0])
		if m[1] != "" {
			s.edit(start, "")
			s.exports = append(s.exports, esmExport{m[1], fmt.Sprintf("__esm_require(%s)", m[2])})
			return nil
		}
		s.edit(start, fmt.Sprintf(`(function (m) { for (const k of Object.keys(m)) if (k !== "default" && !(k in __esm_exports)) Object.defineProperty(__esm_exports, k, { enumerable: true, get: function () { return m[k]; } }); })(__esm_require(%s));`, m[2]))
		return nil
	}
	if m := re.exportList.FindStringSubmatch(rest); m != nil {
		s.i = start + len(m[0])
		s.edit(start, "")
		for _, item := range strings.Split(m[1], ",") {
			local, exported, found := strings.Cut(strings.TrimSpace(item), " as ")
			local = strings.TrimSpace(local)
			if !found {
				exported = local
			}
			exported = strings.TrimSpace(exported)
			if local == "" {
				continue
			}
			if exported == "default" {
				s.hasDefault = true
			}
			expr := local
			if m[2] != "" {
				expr = fmt.Sprintf("__esm_require(%s)[%q]", m[2], local)
			}
			s.exports = append(s.exports, esmExport{exported, expr})
		}
		return nil
	}
	return fmt.Errorf("line %d: cannot read this export statement: %s", line, strings.SplitN(rest, "\n", 2)[0])
}

// edit replaces src[start:s.i], plus a following semicolon, with text.
func (s *esmScanner) edit(start int, text string) {
	if j := s.skipSpace(s.i); j < len(s.src) && s.src[j] == ';' && !strings.Contains(s.src[s.i:j], "\n") {
		s.i = j + 1
	}
	s.edits = append(s.edits, esmEdit{start, s.i, text})
}

// renameList turns "a, b as c" into "a, b: c" for a destructuring.
func renameList(list, sep string) string {
	var out []string
	for _, item := range strings.Split(list, ",") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		if a, b, ok := strings.Cut(item, " as "); ok {
			item = strings.TrimSpace(a) + sep + " " + strings.TrimSpace(b)
		}
		out = append(out, item)
	}
	return strings.Join(out, ", ")
}
