package argv

import (
	"github.com/hypergen-dev/hypergen/internal/jsvalue"

	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Result is a parsed command line.
type Result struct {
	// Positionals are the non-flag arguments in order (yargs-parser's "_"),
	// as strings or float64s. A flag named "_" appends its value here too,
	// so "--_" adds true and "--_.k v" adds an *jsvalue.Object.
	Positionals []any
	// Flags maps each flag name to its value.
	Flags *jsvalue.Object
	// Text maps a flag name to the texts it was given, in order ("1.10"
	// for --version 1.10, which is 1.1; two for --props 1.10 --props 2.50):
	// what a variable declared a string or a list (template.yml) takes
	// instead of the numbers.
	Text map[string][]string
}

// jsDot matches what "." matches in a JavaScript regexp: anything but a line
// terminator. yargs-parser relies on this, so "--a\nb" names the flag "a".
const jsDot = `[^\n\r\x{2028}\x{2029}]`

// Argument shapes, tried in the order yargs-parser tries them.
var (
	bareDashes  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-{3,}(=|$)`) })
	longWithEq  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^--` + jsDot + `+=`) })
	longEqParts = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^--?([^=]+)=([\s\S]*)$`) })
	dotWithEq   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-` + jsDot + `\.` + jsDot + `+=`) })
	dotEqParts  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-([^=]+)=([\s\S]*)$`) })
	shortGroup  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-[^-]`) })
	negative    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-([0-9]+(\.[0-9]+)?|\.[0-9]+)$`) })
	// attachedNumber is a number glued to a short flag, as in "-n5".
	attachedNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\d+(\.\d*)?(e-?\d+)?$`) })
	// flagLike decides whether the word after a short group is a flag of
	// its own; unlike the long-flag rule it lets "-" and "--" be values.
	flagLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^--?[^-]`) })
)

// Parse parses the arguments that follow the program name (so the generator
// and action become positionals) exactly as yargs-parser 21.1.1 does with its
// default configuration, apart from the cases listed in the package comment.
func Parse(args []string) *Result {
	p := &parser{argv: jsvalue.NewObject(), aliases: map[string]string{}, text: map[string][]string{}}
	p.argv.Set("_", []any{})
	p.run(args)
	pos, _ := p.argv.Get("_")
	p.argv.Delete("_")
	return &Result{Positionals: pos.([]any), Flags: p.argv, Text: p.text}
}

type parser struct {
	// argv is the object being built; its "_" key is always a []any.
	argv *jsvalue.Object
	// aliases links each dashed key seen so far with its camel-case form,
	// in both directions. It persists for the whole parse, so after
	// "--foo-bar" a later "--fooBar" also updates "foo-bar".
	aliases map[string]string
	text    map[string][]string // Result.Text
}

func (p *parser) run(args []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		var (
			m    []string
			name string
		)
		// The cheap prefix tests ahead of the patterns change no outcome
		// (each pattern needs them) but spare a cold run compiling patterns
		// its arguments cannot match.
		switch {
		case !strings.HasPrefix(arg, "-"):
			p.pushPositional(arg)
		case strings.HasPrefix(arg, "---") && bareDashes().MatchString(arg):
			p.pushPositional(arg)
		case strings.Contains(arg, "=") && longWithEq().MatchString(arg):
			if m = longEqParts().FindStringSubmatch(arg); m != nil {
				p.setArg(m[1], stripQuotes(m[2]))
			}
		case negatedLong(arg, &name):
			p.setArg(name, false)
		case long(arg, &name):
			if i+1 < len(args) && (!strings.HasPrefix(args[i+1], "-") || negative().MatchString(args[i+1])) {
				i++
				p.setArg(name, args[i])
			} else {
				p.setArg(name, true)
			}
		case strings.Contains(arg, "=") && dotWithEq().MatchString(arg):
			if m = dotEqParts().FindStringSubmatch(arg); m != nil {
				p.setArg(m[1], m[2])
			}
		case !negative().MatchString(arg) && dotted(arg, &name):
			// Unlike long flags, a dotted short flag never takes a negative
			// number as its value.
			if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				i++
				p.setArg(name, args[i])
			} else {
				p.setArg(name, true)
			}
		case !negative().MatchString(arg) && shortGroup().MatchString(arg):
			i = p.shortGroup(args, i)
		case arg == "--":
			// The rest is positional, without number coercion.
			for _, a := range args[i+1:] {
				p.appendPositional(a)
			}
			return
		default:
			p.pushPositional(arg)
		}
	}
}

// The shapes every command line has, --flag, --no-flag and -a.b, are
// matched without regexps: yargs-parser's /^--(.+)/, run by Go's
// backtracker, allocated 24–36 KB for a one-flag command line, which a cold
// generation parses three times. FuzzFlagShapes holds them to the patterns.

// long is /^--(.+)/ with JavaScript's "." (jsDot): the flag's name runs from
// the dashes to the first line terminator.
func long(arg string, name *string) bool { return afterPrefix(arg, "--", name) }

// negatedLong is /^--no-(.+)/.
func negatedLong(arg string, name *string) bool { return afterPrefix(arg, "--no-", name) }

// dotted is /^-(.\..+)/: one character, a dot, and at least one more.
func dotted(arg string, name *string) bool {
	rest, ok := strings.CutPrefix(arg, "-")
	r, size := utf8.DecodeRuneInString(rest)
	if !ok || size == 0 || isLineTerminator(r) || !strings.HasPrefix(rest[size:], ".") {
		return false
	}
	var tail string
	if !afterPrefix(rest, rest[:size+1], &tail) {
		return false
	}
	*name = rest[:size+1+len(tail)]
	return true
}

// afterPrefix sets name to what follows prefix in arg up to the first line
// terminator, and reports whether arg has the prefix and name is not empty.
func afterPrefix(arg, prefix string, name *string) bool {
	rest, ok := strings.CutPrefix(arg, prefix)
	if !ok {
		return false
	}
	if i := strings.IndexFunc(rest, isLineTerminator); i >= 0 {
		rest = rest[:i]
	}
	*name = rest
	return rest != ""
}

func isLineTerminator(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

// shortGroup handles args[i], a group of one-letter flags such as "-abc",
// "-n5", "-a=x" or "-f/path", and returns the index of the last argument
// consumed.
func (p *parser) shortGroup(args []string, i int) int {
	chars := []rune(args[i][1:])
	letters := chars[:len(chars)-1]
	for j, l := range letters {
		rest := string(chars[j+1:])
		switch {
		case j+1 < len(letters) && letters[j+1] == '=':
			p.setArg(string(l), string(chars[j+2:]))
			return i
		case rest == "-":
			// l is the last letter and the trailing "-" takes no value.
			p.setArg(string(l), rest)
			return i
		case isASCIILetter(l) && attachedNumber().MatchString(rest),
			j+1 < len(letters) && !isWordChar(letters[j+1]):
			p.setArg(string(l), rest)
			return i
		default:
			p.setArg(string(l), true)
		}
	}
	last := string(chars[len(chars)-1])
	if last == "-" {
		return i
	}
	if i+1 < len(args) && (!flagLike().MatchString(args[i+1]) || negative().MatchString(args[i+1])) {
		p.setArg(last, args[i+1])
		return i + 1
	}
	p.setArg(last, true)
	return i
}

func (p *parser) pushPositional(arg string) {
	p.appendPositional(coerce(arg))
}

func (p *parser) appendPositional(v any) {
	pos, _ := p.argv.Get("_")
	p.argv.Set("_", append(pos.([]any), v))
}

// stripQuotes removes one pair of matching outer quotes. yargs-parser only
// does this for "--key=value" arguments.
func stripQuotes(s string) string {
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

func isASCIILetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// isWordChar is the complement of JavaScript's \W.
func isWordChar(r rune) bool {
	return isASCIILetter(r) || '0' <= r && r <= '9' || r == '_'
}
