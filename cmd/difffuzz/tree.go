package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Tree is one generated case: template files, files that exist before the
// run, and the command line.
type Tree struct {
	Files    []File
	Existing []Existing
	Args     []string
	Config   string // .hygen.js, or ""
	Hook     string // the action's hook file (HookName), or ""
	HookName string // index.js or prompt.js
	// Needs are the flags the hook's questions are named after: hygen asks a
	// question no flag answers (and, without a terminal, ends with nothing
	// written), so the shrinker must keep these flags.
	Needs []string
}

// Options shape the trees NewTree draws.
type Options struct {
	// HookRate is the chance that a tree has an action hook file.
	HookRate float64
	// Node adds hook expressions that need the Node surface beyond path and
	// fs's read calls: process.argv, __dirname, fs Dirents and statSync.
	Node bool
}

// File is one template: frontmatter attributes in order, then the body,
// kept as fragments so that shrinking can drop them one by one.
type File struct {
	Name  string
	Attrs []Attr
	Body  []string
}

// Attr is one frontmatter line; Value is YAML as written.
type Attr struct{ Key, Value string }

// Existing is a project file present before the run.
type Existing struct{ Path, Content string }

// Write lays the tree out as a project folder.
func (t *Tree) Write(dir string) error {
	for _, f := range t.Files {
		var b strings.Builder
		if len(f.Attrs) > 0 {
			b.WriteString("---\n")
			for _, a := range f.Attrs {
				fmt.Fprintf(&b, "%s: %s\n", a.Key, a.Value)
			}
			b.WriteString("---\n")
		}
		b.WriteString(strings.Join(f.Body, ""))
		if err := writeFile(filepath.Join(dir, "_templates", "g", "a", f.Name), b.String()); err != nil {
			return err
		}
	}
	for _, e := range t.Existing {
		if err := writeFile(filepath.Join(dir, e.Path), e.Content); err != nil {
			return err
		}
	}
	if t.Config != "" {
		if err := writeFile(filepath.Join(dir, ".hygen.js"), t.Config); err != nil {
			return err
		}
	}
	if t.Hook != "" {
		return writeFile(filepath.Join(dir, "_templates", "g", "a", t.HookName), t.Hook)
	}
	return nil
}

func writeFile(p, content string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

// gen draws trees from a random source.
type gen struct{ r *rand.Rand }

func (g gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g gen) chance(p float64) bool    { return g.r.Float64() < p }

// yamlQuote writes s as a single-quoted YAML scalar.
func yamlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// NewTree makes the tree for one seed.
func NewTree(seed uint64, opt Options) *Tree {
	g := gen{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	t := &Tree{Args: []string{"g", "a"}}
	if g.chance(0.8) {
		t.Args = append(t.Args, g.pick("Widget", "user account", "HTTPServer", "order_item", "café-Menu", "x", "bus", "Person"))
	}
	for _, f := range []string{"--title", "--count", "--flag", "--kebab-key", "--off", "--name"} {
		if !g.chance(0.5) {
			continue
		}
		switch f {
		case "--title":
			t.Args = append(t.Args, f, g.pick("Hello World", "a&b <c>", "snake_case_title", "007", "It's"))
		case "--count":
			t.Args = append(t.Args, f, g.pick("0", "3", "12", "-1", "2.5"))
		case "--flag":
			t.Args = append(t.Args, f)
		case "--kebab-key":
			t.Args = append(t.Args, f, g.pick("v", "Some Value"))
		case "--off":
			t.Args = append(t.Args, f, "false")
		case "--name":
			t.Args = append(t.Args, f, g.pick("FromFlag", "flag name"))
		}
	}
	targets := []string{}
	for i := range 1 + g.r.IntN(3) {
		p := fmt.Sprintf("src/target%d.%s", i, g.pick("js", "txt", "md"))
		t.Existing = append(t.Existing, Existing{p, g.targetContent()})
		targets = append(targets, p)
	}
	if g.chance(0.2) {
		t.Existing = append(t.Existing, Existing{"out/pre.txt", "already here\n"})
	}
	for i := range 1 + g.r.IntN(4) {
		t.Files = append(t.Files, g.file(i, targets))
	}
	if g.chance(0.12) {
		t.Config = g.config()
	}
	if g.chance(opt.HookRate) {
		g.hook(t, opt)
	}
	return t
}

// config is a .hygen.js with helpers (an object or a function) and
// localsDefaults.
func (g gen) config() string {
	helpers := "{ shout: (s) => String(s).toUpperCase() + '!', capitalize: (s) => 'overridden ' + s }"
	if g.chance(0.5) {
		helpers = "(locals, config) => ({ shout: (s) => String(s).toUpperCase() + (locals.name === undefined ? '?' : '!') })"
	}
	return fmt.Sprintf("module.exports = {\n  helpers: %s,\n  localsDefaults: { title: %s, extra: 'default extra', name: %s },\n}\n",
		helpers, g.pick("'Default Title'", "null", "42"), g.pick("'dflt'", "undefined", "'Default Name'"))
}

// hook gives t an action hook: a params() hook, a prompt() function or a
// question array, reading the project through path and fs (and, with
// opt.Node, process.argv, __dirname, Dirents and statSync). Questions are
// only ever named after flags the command line gives, so hygen never has to
// ask one.
func (g gen) hook(t *Tree, opt Options) {
	var values []string
	for range 1 + g.r.IntN(3) {
		values = append(values, g.hookValue(opt))
	}
	obj := "{ " + strings.Join(values, ", ") + " }"
	async := g.pick("", "async ")
	t.HookName = g.pick("index.js", "prompt.js")
	head := "const path = require('path')\nconst fs = require('fs')\n"
	switch g.r.IntN(3) {
	case 0:
		t.Hook = head + "module.exports = {\n  params: " + async + "({ args, h }) => (" + obj + "),\n}\n"
	case 1:
		qs := g.questions(t)
		t.Hook = head + "const questions = " + qs + "\nmodule.exports = {\n  prompt: " + async + "({ prompter, inquirer, args, h }) => " +
			"(inquirer || prompter).prompt(questions.filter((q) => args[q.name] === undefined))" +
			".then((answers) => Object.assign({}, answers, " + obj + ")),\n}\n"
	default:
		t.Hook = "module.exports = " + g.questions(t) + "\n"
	}
}

// givenFlags are the flags in args, without their dashes, with their values
// ("" for a bare flag).
func givenFlags(args []string) (names, values []string) {
	for i, a := range args {
		if !strings.HasPrefix(a, "--") {
			continue
		}
		v := ""
		if i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
			v = args[i+1]
		}
		names, values = append(names, strings.TrimPrefix(a, "--")), append(values, v)
	}
	return names, values
}

// questions is an array of enquirer questions, each named after a given
// flag; a select's choices include the flag's value, so hypergen's check of
// an answer against the choices agrees with hygen, which does not check.
func (g gen) questions(t *Tree) string {
	names, values := givenFlags(t.Args)
	var qs []string
	for i, f := range names {
		if !g.chance(0.6) {
			continue
		}
		t.Needs = append(t.Needs, f)
		kind := g.pick("input", "confirm", "numeral", "select", "list", "toggle", "password")
		if kind == "select" && values[i] == "" {
			kind = "input"
		}
		q := fmt.Sprintf("{ type: '%s', name: '%s', message: '%s?'", kind, f, f)
		if kind == "select" {
			q += fmt.Sprintf(", choices: ['other', %s]", jsQuote(values[i]))
		}
		if g.chance(0.3) {
			q += ", initial: 'ignored'"
		}
		qs = append(qs, q+" }")
	}
	return "[" + strings.Join(qs, ", ") + "]"
}

// jsQuote writes s as a single-quoted JavaScript string.
func jsQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

// hookValue is one property of a hook's answers, read from args, path, fs
// or process.
func (g gen) hookValue(opt Options) string {
	key := g.pick("title", "extra", "name", "count", "listing", "info")
	exprs := []string{
		"h.changeCase.title(String(args.title || 'none'))",
		"String(args.name || 'hooked').trim() + 's'",
		"!args.flag",
		"7",
		"undefined",
		"fs.readdirSync('src').join('|')",
		"fs.readdirSync('_templates/g/a').filter((f) => f.endsWith('.t')).length",
		"fs.existsSync(path.join('src', 'target0.js'))",
		"fs.readFileSync(path.join('src', fs.readdirSync('src')[0]), 'utf8').split(/\\r?\\n/)[0]",
		"path.basename(process.cwd())",
		"path.relative(process.cwd(), path.resolve('src', String(args.name || 'x')))",
		"path.join('lib', String(args.name || ''), '..', 'index.js')",
		"path.extname(String(args.title || 'a.b.c'))",
		"Object.keys(args).sort().join(',')",
	}
	if opt.Node {
		exprs = append(exprs,
			"process.argv.slice(2).join(' ')",
			"process.argv.length - 2",
			"path.basename(__dirname)",
			"fs.readdirSync('.', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).join(',')",
			"fs.readdirSync('src', { withFileTypes: true }).map((d) => d.name + (d.isFile() ? ':f' : ':d')).join(' ')",
			"fs.statSync('src').isDirectory()",
			"fs.readFileSync(path.join('src', fs.readdirSync('src')[0])).length",
		)
	}
	return key + ": " + g.pick(exprs...)
}

func (g gen) targetContent() string {
	lines := []string{"// start", "import a from 'a'", "const x = 1", "// end", "", "export default x", "  indented line"}
	n := 1 + g.r.IntN(6)
	var out []string
	for range n {
		out = append(out, lines[g.r.IntN(len(lines))])
	}
	nl := "\n"
	if g.chance(0.15) {
		nl = "\r\n"
	}
	s := strings.Join(out, nl)
	if g.chance(0.7) {
		s += nl
	}
	return s
}

// strExpr is a JavaScript expression giving a string worth transforming.
func (g gen) strExpr() string {
	return g.pick("name", "Name", "names", "locals.title || 'no title'", "String(locals.count)", "'FooBar baz'",
		"'user_accounts'", "'HTTPServer'", "'some-thing'", "'Ünïcode wörd'", "'x2y 3z'", "'person'", "'Octopus'")
}

// expr is a JavaScript expression of any type.
func (g gen) expr() string {
	s := g.strExpr()
	switch g.r.IntN(10) {
	case 0:
		return "h.changeCase." + g.pick("camel", "pascal", "snake", "param", "constant", "dot", "path", "title",
			"sentence", "header", "lower", "upper", "lowerFirst", "upperFirst", "swap", "no", "camelCase", "snakeCase") + "(" + s + ")"
	case 1:
		return "h.inflection." + g.pick("pluralize", "singularize", "camelize", "underscore", "humanize", "dasherize",
			"titleize", "tableize", "classify", "capitalize") + "(" + s + ")"
	case 2:
		return "h.capitalize(" + s + ")"
	case 3:
		return g.pick("h.path.join('a', "+s+", '../b')", "h.path.basename('/x/y/"+"' + "+s+")", "h.path.extname('a.b.c')", "h.path.dirname('a/b/c')")
	case 4:
		return g.pick("locals.count", "locals.count * 2", "locals.flag", "locals.off", "locals.kebabKey", "locals['kebab-key']",
			"typeof missing", "locals.missing", "null", "undefined", "[1, 'a', null]", "({})", "1/3", "0.1 + 0.2", "1e21", "-0")
	case 5:
		return g.pick("'<a href=\"x\">&amp;</a>'", "\"it's\"", "'a' + 1 + 2", "Name.length", "names.toUpperCase()",
			"(h.shout ? h.shout(name) : 'no shout')", "h.capitalize('abc')", "locals.extra")
	case 6:
		return g.pick("h.inflection.ordinalize(String(locals.count || 1))", "h.inflection.pluralize("+s+", 'peeps')", "h.changeCase.isUpper("+s+")")
	}
	return s
}

func (g gen) cond() string {
	return g.pick("locals.flag", "locals.count > 2", "name.length > 3", "!locals.title", "locals.off === 'false'", "true", "false")
}

func (g gen) fragment() string {
	switch g.r.IntN(14) {
	case 0:
		return g.pick("hello ", "& < > \" ' ", "\n", "line\n", "  indented\n", "\t", "trailing   \n", "\n\n")
	case 1:
		return "<%= " + g.expr() + " %>"
	case 2:
		return "<%- " + g.expr() + " %>"
	case 3:
		return "<%= " + g.expr() + " -%>\n"
	case 4:
		return "  <%_ if (" + g.cond() + ") { _%>\n  yes\n  <%_ } _%>\n"
	case 5:
		return "<% if (" + g.cond() + ") { -%>\nyes\n<% } else { -%>\nno\n<% } -%>\n"
	case 6:
		return "<%# a comment %>"
	case 7:
		return "<%% literal %%> "
	case 8:
		return "<% for (let i = 0; i < 2; i++) { %>[<%= i %>]<% } %>"
	case 9:
		return "<% const v = " + g.expr() + " -%>\n<%= v %>|"
	case 10:
		return "<%= attributes.to %>"
	case 11:
		return "<%- JSON.stringify(" + g.expr() + ") %>"
	}
	return "text\n"
}

func (g gen) body() []string {
	var out []string
	for range g.r.IntN(6) {
		out = append(out, g.fragment())
	}
	return out
}

func (g gen) file(i int, targets []string) File {
	f := File{Name: fmt.Sprintf("%s%d%s", g.pick("a", "B", "_c", "d-", "e.", "f/"), i, g.pick(".t", ".ejs.t", "", ".md"))}
	if g.chance(0.07) {
		f.Body = g.body() // no frontmatter: nothing happens
		return f
	}
	if g.chance(0.45) {
		target := targets[g.r.IntN(len(targets))]
		f.Attrs = append(f.Attrs, Attr{"to", yamlQuote(target)}, Attr{"inject", "true"})
		loc := []Attr{
			{"at_line", g.pick("0", "1", "2", "10")},
			{"prepend", "true"},
			{"append", "true"},
			{"before", yamlQuote(g.pick("const", "^// end", "export", "nothing-matches", "x = 1\\n// end"))},
			{"after", yamlQuote(g.pick("// start", "import", "nothing-matches", "^  ", "a'\\nconst"))},
		}
		g.r.Shuffle(len(loc), func(a, b int) { loc[a], loc[b] = loc[b], loc[a] })
		f.Attrs = append(f.Attrs, loc[:1+g.r.IntN(2)]...)
		if g.chance(0.25) {
			f.Attrs = append(f.Attrs, Attr{"skip_if", yamlQuote(g.pick("const", "<%= name %>", "zzz"))})
		}
		if g.chance(0.3) {
			f.Attrs = append(f.Attrs, Attr{"eof_last", g.pick("true", "false")})
		}
	} else {
		var to string
		switch g.r.IntN(6) {
		case 0:
			to = "out/<%= h.changeCase.param(name) %>" + g.pick(".txt", ".js", "/index.ts")
		case 1:
			to = "<%= locals.flag ? 'out/flag.txt' : '' %>"
		case 2:
			to = "out/pre.txt"
		case 3:
			to = fmt.Sprintf("out/file%d-<%%= name %%>.txt", i)
		default:
			to = fmt.Sprintf("out/f%d.txt", g.r.IntN(3))
		}
		f.Attrs = append(f.Attrs, Attr{"to", yamlQuote(to)})
		if g.chance(0.2) {
			f.Attrs = append(f.Attrs, Attr{"force", "true"})
		}
		if g.chance(0.15) {
			f.Attrs = append(f.Attrs, Attr{"unless_exists", g.pick("true", "'true'", "false")})
		}
		if g.chance(0.15) {
			f.Attrs = append(f.Attrs, Attr{"skip_if", yamlQuote(g.pick("<%= locals.flag %>", "true", "false"))})
		}
	}
	if g.chance(0.15) {
		f.Attrs = append(f.Attrs, Attr{"message", yamlQuote("made <%= name %>")})
	}
	f.Body = g.body()
	if g.chance(0.1) {
		// hygen pipes the body to the command only when it is not empty,
		// and otherwise leaves stdin open; a command that does not read a
		// piped body makes hygen fail at random (EPIPE). So a command file
		// has a fixed, never empty body, which the command reads.
		f.Attrs = append(f.Attrs, Attr{"sh", yamlQuote(fmt.Sprintf("mkdir -p out && cat > out/sh%d.txt", i))})
		f.Body = []string{"piped <%= name %>\n"}
	}
	if g.chance(0.1) {
		f.Attrs = append(f.Attrs, Attr{"unknown_key", yamlQuote("<%= name %>")})
	}
	return f
}
