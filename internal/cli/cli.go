package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/builtin"
	"github.com/hypergen-dev/hypergen/internal/suggest"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1 // generation (or the command's work) failed
	ExitUsage = 2 // the command line itself is wrong
)

// Env is the process context a command runs in.
type Env struct {
	Args           []string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Cwd            string
	// Interactive is true when stdin is a terminal, so questions can be asked.
	Interactive bool
	// Heavy is what only the hypergen-perf executable links (telemetry
	// export, generation through an agent); nil in hypergen.
	Heavy *Heavy
	// HandOff replaces this process with hypergen-perf running args and
	// returns only when it cannot (see HandOff); nil keeps everything in
	// this process, as in tests.
	HandOff func(args []string) error
	// Start is when main began (ProcessEnv's first act), for the start-up
	// profile's "since main" total.
	Start time.Time
	// completing is set while a shell's Tab is answered: the project's
	// .hygen.js then runs no commands (see templatesRoot).
	completing bool
	// root is what templatesRoot found, once it has looked.
	root *foundRoot
}

type foundRoot struct {
	path    string
	err     error
	stopped bool // by a signal: the command line ends there
}

// templatesRoot is the templates root for the run's folder (see
// generator.ResolveTemplates), found once per command: finding it runs the
// project's .hygen.js, which dispatching a command line may need as well as
// the command.
func templatesRoot(env *Env) (string, error) {
	if env.root == nil {
		env.root = resolveRoot(env, "")
	}
	return env.root.path, env.root.err
}

// rootFailed is the exit status of a command whose templates root could
// not be found: a usage error when a setting was wrong (HYPERGEN_JS_TIMEOUT),
// as a generation says it.
func rootFailed(err error) int {
	if ue := (*generator.UsageError)(nil); errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitFail
}

// resolveRoot finds the templates root, override if not "", running the
// project's .hygen.js under the JavaScript time limit a generation has
// (HYPERGEN_JS_TIMEOUT) and stopping it at SIGINT or SIGTERM; while
// completing, as generator.ResolveTemplatesWithoutCommands does.
func resolveRoot(env *Env, override string) *foundRoot {
	if env.completing { // completion asks for the run's own root, never an override
		path, err := generator.ResolveTemplatesWithoutCommands(env.Cwd, env.Getenv)
		return &foundRoot{path: path, err: err}
	}
	cfg := generator.Config{Cwd: env.Cwd, Templates: override, Getenv: env.Getenv}
	if v := env.Getenv(envJSTimeout); v != "" {
		d, err := parseJSTimeout(envJSTimeout, v)
		if err != nil {
			return &foundRoot{err: err}
		}
		cfg.JSTimeout = d
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	path, err := generator.ResolveTemplatesContext(ctx, cfg)
	return &foundRoot{path, err, ctx.Err() != nil}
}

type command struct {
	name, summary string
	run           func(env *Env, args []string) int
}

// commands are hypergen's own verbs. Anything else is a generator name; a
// generator that exists under a command's name wins over the command.
func commands() []command {
	return []command{
		{"generate", "run a generator action (the default; use it for generators named like a command)", Generate},
		{"list", "list generators, their actions and template counts", runList},
		{"discover", "find template roots and the generators in them", runDiscover},
		{"perf", "benchmark, scalability test, analysis, export, the agent (runs " + PerfExecutable + ")", runPerf},
		{"version", "print the version", runVersion},
		{"completion", "print a shell completion script (bash, zsh or fish)", runCompletion},
		{"help", "show help for hypergen, a command or a generator (its template.yml variables)", runHelp},
	}
}

// Main runs the command line and returns the process exit code.
func Main(env *Env) int {
	args := env.Args
	if len(args) == 0 {
		printUsage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help":
		printUsage(env.Stdout)
		return ExitOK
	case "-v", "--version":
		return runVersion(env, nil)
	case "__complete": // hidden: what the completion scripts call
		return runComplete(env, args[1:])
	}
	for _, c := range commands() {
		if c.name == args[0] && !isGenerator(env, args[0]) {
			if env.root != nil && env.root.stopped {
				fmt.Fprintf(env.Stderr, "hypergen: %v\n", env.root.err)
				return ExitFail
			}
			return c.run(env, args[1:])
		}
	}
	return Generate(env, args)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `hypergen runs hygen-format code generators, fast, and measures them.

Usage:
  hypergen GENERATOR ACTION[:SUBACTION] [NAME] [--key value ...]
  hypergen COMMAND [flags]

Generation works as with hygen: templates come from .hygen.js's templates,
$HYGEN_TMPLS or ./_templates (GENERATOR/ACTION inside it), every --key value
becomes a template local,
and NAME (or --name) is the local "name". See 'hypergen help generate'.

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	var gens []string
	for _, g := range builtin.Generators() {
		gens = append(gens, g+" "+strings.Join(builtin.Actions(g), "|"))
	}
	fmt.Fprintf(w, `
Built-in generators, which run where there is no templates root (as hygen's
do): %s.

Exit status: 0 on success, 1 when generation fails, 2 on a usage error.
`, strings.Join(gens, ", "))
}

func runHelp(env *Env, args []string) int {
	if len(args) == 0 {
		printUsage(env.Stdout)
		return ExitOK
	}
	// As on the command line, a generator named like a command wins.
	if isGenerator(env, args[0]) {
		return runGeneratorHelp(env, args[0])
	}
	if builtin.Has(args[0]) && builtinsApply(env) {
		return runBuiltinHelp(env, args[0])
	}
	if args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(env.Stdout, helpUsage)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			// "help perf benchmark" is "perf benchmark --help".
			return c.run(env, append(append([]string(nil), args[1:]...), "--help"))
		}
	}
	if _, err := templatesRoot(env); err != nil {
		// Which generators there are is unknown: say why, not that there is
		// no such generator.
		fmt.Fprintf(env.Stderr, "hypergen help: %q is not a command, and the generators cannot be listed: %v\n", args[0], err)
		return rootFailed(err)
	}
	fmt.Fprintf(env.Stderr, "hypergen: no help for %q: it is neither a command nor a generator%s (generators: 'hypergen list')\n",
		args[0], DidYouMean(args[0], append(commandNames(), generatorNames(env)...)))
	return ExitUsage
}

const helpUsage = `Usage: hypergen help [COMMAND [SUBCOMMAND] | GENERATOR]

Shows hypergen's usage, a command's page ("hypergen help perf benchmark" is
"hypergen perf benchmark --help"), or a generator's actions and the
variables of its template.yml.
`

func commandNames() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, c.name)
	}
	return out
}

// generatorNames lists the generators of the templates root, for hints;
// none when there is no root.
func generatorNames(env *Env) []string {
	root, err := templatesRoot(env)
	if err != nil || root == "" {
		return nil
	}
	gens, _ := generator.ListGenerators(root)
	var out []string
	for _, g := range gens {
		out = append(out, g.Name)
	}
	return out
}

// DidYouMean is " (did you mean X?)" when a candidate is close to word.
func DidYouMean(word string, candidates []string) string {
	if s, ok := suggest.Closest(word, candidates); ok {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// NewFlagSet makes a flag set whose --help prints the command's usage.
func NewFlagSet(env *Env, name, usage string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprint(env.Stdout, strings.TrimSpace(usage)+"\n")
		if f := fs.FlagUsages(); f != "" {
			fmt.Fprintf(env.Stdout, "\nFlags:\n%s", f)
		}
	}
	return fs
}

// ParseFlags parses args, which must all be flags, and maps the outcome to
// an exit code: -1 means go on.
func ParseFlags(env *Env, fs *pflag.FlagSet, args []string) int {
	if code := parseFlagsAndArgs(env, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		// A word the command would ignore is likely a mistyped flag or a
		// command meant for another: say so rather than run without it.
		fmt.Fprintf(env.Stderr, "hypergen %s: unexpected argument %q: this command takes only flags (see 'hypergen %s --help')\n", fs.Name(), fs.Arg(0), fs.Name())
		return ExitUsage
	}
	return -1
}

// EmptyMeansOff annotates a string flag whose empty value is meaningful (it
// turns off what a variable set): ParseFlags refuses an empty value of any
// other.
const EmptyMeansOff = "hypergen-empty-means-off"

// parseFlagsAndArgs is ParseFlags for a command that takes arguments too,
// left in fs.Args().
func parseFlagsAndArgs(env *Env, fs *pflag.FlagSet, args []string) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return ExitOK
	case err != nil:
		hint := ""
		var ne *pflag.NotExistError
		if errors.As(err, &ne) {
			var names []string
			fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
			if s, ok := suggest.Closest(ne.GetSpecifiedName(), names); ok {
				hint = fmt.Sprintf(" (did you mean --%s?)", s)
			}
		}
		fmt.Fprintf(env.Stderr, "hypergen %s: %v%s (see 'hypergen %s --help')\n", fs.Name(), err, hint, fs.Name())
		return ExitUsage
	}
	// A flag given an empty value (--html "" from an unset variable) would
	// otherwise run as if it were not given at all.
	var empty string
	fs.Visit(func(f *pflag.Flag) {
		if _, ok := f.Annotations[EmptyMeansOff]; empty == "" && !ok && f.Value.String() == "" && f.Value.Type() == "string" {
			empty = f.Name
		}
	})
	if empty != "" {
		fmt.Fprintf(env.Stderr, "hypergen %s: --%s needs a value, got an empty one (see 'hypergen %s --help')\n", fs.Name(), empty, fs.Name())
		return ExitUsage
	}
	return -1
}

// isGenerator reports whether the templates root has a generator called
// name. hygen users may have one named like a hypergen command ("help",
// "list"); for compatibility their generator wins. For "version" only the
// roots that need no JavaScript ($HYGEN_TMPLS, ./_templates) count: version
// must answer without running the project's .hygen.js, which may be broken
// or never end.
func isGenerator(env *Env, name string) bool {
	var root string
	var err error
	if name == "version" {
		if root = generator.TemplatesRoot(env.Cwd, "", env.Getenv); root != "" && !filepath.IsAbs(root) {
			root = filepath.Join(env.Cwd, root)
		}
	} else {
		root, err = templatesRoot(env)
	}
	if err != nil || root == "" {
		return false
	}
	st, err := os.Stat(filepath.Join(root, name))
	return err == nil && st.IsDir()
}

// ProcessEnv is the Env of this process: its arguments, standard streams,
// environment and working folder. It exits when the folder cannot be read.
func ProcessEnv() *Env {
	start := time.Now()
	// The folder as the system names it, links resolved, as Node's
	// process.cwd() gives it to hygen: os.Getwd takes $PWD, the path the
	// shell came by, and a project entered through a link then had another
	// cwd local, templates path and HYGEN_OUTPUT_ABS_PATH lines.
	cwd, err := syscall.Getwd()
	if err != nil {
		os.Stderr.WriteString("hypergen: cannot read the current directory: " + err.Error() + "\n")
		os.Exit(ExitFail)
	}
	return &Env{
		Args:        os.Args[1:],
		Stdin:       os.Stdin,
		Stdout:      os.Stdout,
		Stderr:      os.Stderr,
		Getenv:      os.Getenv,
		Cwd:         cwd,
		Interactive: StdinIsTerminal(os.Stdin),
		Start:       start,
	}
}
