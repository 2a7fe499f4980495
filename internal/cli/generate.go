package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/builtin"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/oneshot"
	"github.com/hypergen-dev/hypergen/internal/suggest"
)

const generateUsage = `Usage: hypergen [generate] GENERATOR ACTION[:SUBACTION] [NAME] [--key value ...]

Runs the templates in <templates>/GENERATOR/ACTION, as hygen 6.2.11 does and
with byte-identical output. The templates root is the first that exists of
the templates key of a .hygen.js (here or in a parent folder), $HYGEN_TMPLS
and ./_templates; with none, the built-in generators (init, generator) run.
Every flag becomes a template local (parsed as yargs-parser does: --a-b v
sets a-b and aB, a bare --flag is true, numbers become numbers).
If ACTION does not exist but GENERATOR/_default does, _default runs and the
second word is the name. :SUBACTION is a regular expression that selects
template files by their path inside the action folder.

Hygen flags and variables that keep their meaning:
  --dry                 show what would be written or run, and write nothing;
                        hooks still run (and any command they start), as in
                        hygen
  HYGEN_OVERWRITE=1     overwrite existing files without asking (any
                        non-empty value does, 0 too, as in hygen)
  HYGEN_TS              the value of the ts local (default: now, in ms)
  HYGEN_OUTPUT_ABS_PATH print absolute paths

hypergen's own flags (not passed to templates):
  --allow-outside       permit targets outside the current directory
  --answers FILE.json   answers to the questions of the action's hook file
                        (prompt.js, index.js …), a JSON object by question name
  --js-timeout DURATION wall-clock limit for each template render, hook and
                        .hygen.js (default 30s; also HYPERGEN_JS_TIMEOUT)
  --no-fsync            do not flush written files and their folders to disk
                        (also HYPERGEN_FSYNC=0): faster, and still atomic,
                        but a power loss right after the run may lose the
                        writes, as with hygen. By default every file is
                        fsynced before its rename and each folder after.
  --fsync               flush them even if HYPERGEN_FSYNC=0 (the default)
  --help                this help

Unlike hygen, hypergen plans every file operation before writing any: a
failing command (a target outside the project, a template error) writes
nothing and exits 1. An inject into a file that does not exist is skipped
with a message, as in hygen.

Hook files and .hygen.js run as hygen runs them (params, prompt, question
arrays; templates, helpers, localsDefaults). On a terminal their questions are
asked line by line; otherwise each is answered by --answers, a flag of the
same name or its initial value, and an unanswered question is an error.
`

// checkAgentURL says what is wrong with HYPERGEN_AGENT_URL, before anything
// is sent: a mistyped address is the user's to fix, not an agent that did
// not answer.
func checkAgentURL(raw string) error {
	const want = "want http://HOST:PORT, https://HOST:PORT or unix:/path/to/socket"
	if sock, ok := strings.CutPrefix(raw, "unix:"); ok {
		if !strings.HasPrefix(sock, "/") {
			return fmt.Errorf("%s (an absolute socket path)", want)
		}
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New(want)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("port %q is not a port number", p)
		}
	}
	return nil
}

// emptyIf is first, or flag when first is "" and value is empty.
func emptyIf(first, flag, value string) string {
	if first == "" && value == "" {
		return flag
	}
	return first
}

// envJSTimeout sets the JavaScript time limit, as --js-timeout does.
const envJSTimeout = "HYPERGEN_JS_TIMEOUT"

// parseJSTimeout reads a JavaScript time limit given by from (the flag or
// envJSTimeout).
func parseJSTimeout(from, value string) (time.Duration, error) {
	d, err := time.ParseDuration(value)
	if err != nil && durationForm().MatchString(value) {
		// Well formed, so too long: ParseDuration says only "invalid".
		return 0, &generator.UsageError{Msg: fmt.Sprintf("%s=%q is longer than the longest duration hypergen can wait (about 292 years)", from, value)}
	}
	if err != nil || d <= 0 {
		return 0, &generator.UsageError{Msg: fmt.Sprintf("%s=%q is not a positive duration (such as 30s, 2m or 500ms)", from, value)}
	}
	return d, nil
}

// durationForm is what time.ParseDuration reads, sign aside.
var durationForm = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$`)
})

// Generate runs a generation command line (what follows "generate"). It
// takes hypergen's own flags (--allow-outside, --answers) out of the
// free-form generator flags before the rest become template locals. The
// hypergen-perf executable runs here the generations hypergen hands to it.
func Generate(env *Env, args []string) int {
	allowOutside := false
	fsync := "" // "on" or "off" when a flag says so; the last one counts
	answersFile := ""
	jsTimeout := ""
	jsTimeoutFrom := envJSTimeout
	if v := env.Getenv(envJSTimeout); v != "" {
		jsTimeout = v
	}
	var rest []string
	var emptyFlag string // the first of hypergen's flags given an empty value
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		switch {
		case a == "--help" || a == "-h" && i == 0:
			// hygen takes -h for help only as its first argument; after
			// it, -h is the local h (which the helpers shadow) and the
			// run generates. --help, which hypergen documents, is help
			// anywhere.
			if root, gen := generatorNamed(env, args[:i]); gen != "" {
				// hypergen GENERATOR ACTION --help: that generator's help,
				// with its variables, as hypergen help GENERATOR gives it.
				code := printGeneratorHelp(env, root, gen)
				fmt.Fprintln(env.Stdout, "\nThe flags every generation takes: hypergen generate --help")
				return code
			}
			fmt.Fprint(env.Stdout, generateUsage)
			return ExitOK
		case strings.HasPrefix(a, "--help="):
			// It would otherwise become a template local, and the run would
			// write files where --help writes none.
			fmt.Fprintf(env.Stderr, "hypergen: %s: --help takes no value\n", a)
			return ExitUsage
		case a == "--allow-outside":
			allowOutside = true
		case strings.HasPrefix(a, "--allow-outside="):
			// It would otherwise become a template local, and the typo
			// check would take it for a misspelling of itself.
			fmt.Fprintf(env.Stderr, "hypergen: %s: --allow-outside takes no value\n", a)
			return ExitUsage
		case a == "--fsync":
			fsync = "on"
		case a == "--no-fsync":
			fsync = "off"
		case strings.HasPrefix(a, "--fsync=") || strings.HasPrefix(a, "--no-fsync="):
			// --fsync=false would otherwise become a template local and
			// leave fsync on.
			fmt.Fprintf(env.Stderr, "hypergen: %s: --fsync and --no-fsync take no value\n", a)
			return ExitUsage
		case a == "--answers":
			if i+1 >= len(args) {
				fmt.Fprintln(env.Stderr, "hypergen: --answers needs a file name")
				return ExitUsage
			}
			i++
			answersFile = args[i]
			emptyFlag = emptyIf(emptyFlag, "--answers", answersFile)
		case strings.HasPrefix(a, "--answers="):
			answersFile = strings.TrimPrefix(a, "--answers=")
			emptyFlag = emptyIf(emptyFlag, "--answers", answersFile)
		case a == "--js-timeout":
			if i+1 >= len(args) {
				fmt.Fprintln(env.Stderr, "hypergen: --js-timeout needs a duration, such as 30s or 2m")
				return ExitUsage
			}
			i++
			jsTimeout, jsTimeoutFrom = args[i], "--js-timeout"
			emptyFlag = emptyIf(emptyFlag, "--js-timeout", jsTimeout)
		case strings.HasPrefix(a, "--js-timeout="):
			jsTimeout, jsTimeoutFrom = strings.TrimPrefix(a, "--js-timeout="), "--js-timeout"
			emptyFlag = emptyIf(emptyFlag, "--js-timeout", jsTimeout)
		default:
			rest = append(rest, a)
		}
	}
	// An empty value (--answers "$FILE" with FILE unset) is a mistake, not
	// the flag left out: the run would go on without its answers.
	if emptyFlag != "" {
		fmt.Fprintf(env.Stderr, "hypergen: %s needs a value, got an empty one\n", emptyFlag)
		return ExitUsage
	}
	if len(rest) == 0 {
		fmt.Fprint(env.Stderr, "hypergen: please specify a generator\n\n")
		fmt.Fprint(env.Stderr, generateUsage)
		return ExitUsage
	}
	if typo, meant := flagTypo(env, rest); typo != "" {
		fmt.Fprintf(env.Stderr, "hypergen: %s\n", flagTypoError(typo, meant))
		return ExitUsage
	}
	if url := env.Getenv("HYPERGEN_AGENT_URL"); url != "" {
		if err := checkAgentURL(url); err != nil {
			fmt.Fprintf(env.Stderr, "hypergen: HYPERGEN_AGENT_URL=%q: %v\n", url, err)
			return ExitUsage
		}
		if allowOutside || answersFile != "" || fsync != "" || jsTimeoutFrom == "--js-timeout" {
			// The agent writes and limits JavaScript as it was started
			// (perf monitor --no-fsync, --js-timeout): a flag it would
			// ignore is refused, not dropped.
			fmt.Fprintln(env.Stderr, "hypergen: --allow-outside, --answers, --js-timeout, --fsync and --no-fsync cannot be delegated to an agent (unset HYPERGEN_AGENT_URL; the agent's own settings apply)")
			return ExitUsage
		}
		if env.Heavy == nil {
			return handOff(env, "HYPERGEN_AGENT_URL", append([]string{"generate"}, args...))
		}
		return env.Heavy.Delegate(env, url, rest)
	}
	// A run that exports its spans to a plain-text OTLP/gRPC endpoint does
	// so from this process (package oneshot); any other telemetry setting
	// sends it to hypergen-perf, whose SDK pipeline honours them all.
	var lean *oneshot.Settings
	if env.Heavy == nil && telemetryRequested(env.Getenv) {
		s, err := oneshot.FromEnv(env.Getenv)
		var needsSDK *oneshot.NeedsSDKError
		switch {
		case err == nil:
			lean = &s
		case errors.Is(err, oneshot.ErrOff): // nothing to export, here or in hypergen-perf
		case !errors.As(err, &needsSDK):
			fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
			return ExitUsage
		case env.HandOff != nil:
			if slices.ContainsFunc(strings.Split(oneshot.MetricsExporters(env.Getenv), ","), func(e string) bool { return strings.TrimSpace(e) == "otlp" }) {
				fmt.Fprintf(env.Stderr, "hypergen: warning: OTEL_METRICS_EXPORTER=otlp makes this run export metric series of its own, "+
					"a few hundred under its own service.instance.id, as every run does; runs are counted from their spans without it (docs/metrics.md)\n")
			}
			if v := env.Getenv(oneshot.RelayVar); v != "" {
				fmt.Fprintf(env.Stderr, "hypergen: warning: %s is not used: this run exports through the OpenTelemetry SDK in %s, because of %v\n",
					oneshot.RelayVar, PerfExecutable, err)
			}
			err := env.HandOff(append([]string{"generate"}, args...))
			fmt.Fprintf(env.Stderr, "hypergen: warning: telemetry is off for this run: exporting needs the %s executable (%v); %s\n",
				PerfExecutable, err, PerfInstallHint)
		}
	}
	// What a run that must end at once (JavaScript stuck in a built-in, a
	// signal it outlives) removes and reports before the process exits.
	var cleanups []func(cause error)
	stopCatching := func() {} // the signals that stop the run, once caught
	endNow := func(why string, cause error) {
		// Another Ctrl-C or SIGTERM now ends the process at once, not
		// after the telemetry export (up to its timeout). Before saying
		// why: a user answering the message with Ctrl-C at once had the
		// signal swallowed, caught still, and waited for the export.
		stopCatching()
		fmt.Fprint(env.Stderr, why)
		for _, clean := range cleanups {
			clean(cause)
		}
		os.Exit(ExitFail)
	}
	cfg := generator.Config{
		Cwd:          env.Cwd,
		Getenv:       env.Getenv,
		Stdout:       env.Stdout,
		Stderr:       env.Stderr,
		AllowOutside: allowOutside,
		Fsync:        fsync == "on",
		NoFsync:      fsync == "off",
		// Nothing in the process can end such a call, and it may allocate
		// without bound: the run ends here, as after a signal it outlives.
		JSStuck: func(err error) func() {
			endNow(fmt.Sprintf("hypergen: JavaScript %v; ending the run\n", err), err)
			return nil
		},
	}
	if jsTimeout != "" {
		d, err := parseJSTimeout(jsTimeoutFrom, jsTimeout)
		if err != nil {
			fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
			return ExitUsage
		}
		cfg.JSTimeout = d
	}
	if answersFile != "" {
		answers, err := readAnswers(answersFile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
			return ExitUsage
		}
		cfg.Answers = answers
	}
	// SIGINT, SIGTERM and SIGHUP (a closed terminal, unless the run was
	// started to ignore it, as nohup does) cancel the run, which interrupts
	// running JavaScript and, while files are replaced, finishes or undoes
	// the replacing. A closed stdout (| head, | grep -q) is no reason to
	// stop: with SIGPIPE caught, its writes fail and the run goes on, where
	// Go would kill the process between two renames. Caught, not ignored:
	// an ignored signal stays ignored in the commands the run starts, and a
	// shell loop writing into a closed pipe would never end.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	stopSignals := StopSignals()
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	// Not stop, which cancels ctx as a signal does: a run ended by stuck
	// JavaScript, with no signal, then went on as if it had outlived one.
	stopCatching = func() { signal.Reset(stopSignals...) }
	finished := make(chan struct{})
	defer close(finished)
	// The run's exit code once the generation has ended (-1 before), while
	// its telemetry is still being exported.
	var generated atomic.Int32
	generated.Store(-1)
	// Not a goroutine of its own from the start: on a VM where starting a
	// thread is dear, that cost every run about a millisecond.
	// The engine, once made: a run renaming files into place is let finish.
	var engine atomic.Pointer[generator.Engine]
	applying := func() bool { e := engine.Load(); return e != nil && e.Applying() }
	defer context.AfterFunc(ctx, func() { endAfterSignal(finished, &generated, applying, env.Stderr, endNow) })()
	if env.Stdin != nil {
		// Like hygen, read the answer from stdin whether or not it is a
		// terminal, so `echo y | hypergen ...` overwrites. A question still
		// waiting when a signal comes gets the signal as its answer.
		in := bufio.NewReader(cancelableReader{ctx, env.Stdin})
		if env.Interactive {
			var hide func() (func(), error)
			if f, ok := env.Stdin.(*os.File); ok {
				hide = func() (func(), error) { return hideTyping(int(f.Fd())) }
			}
			cfg.Ask = terminalAsker(ctx, in, env.Stdout, hide)
		}
		cfg.Prompt = func(q string) (bool, error) {
			fmt.Fprint(env.Stdout, q)
			line, err := in.ReadString('\n')
			if err != nil && line == "" {
				if cause := context.Cause(ctx); cause != nil {
					return false, cause
				}
				return false, generator.ErrNoAnswer
			}
			return overwriteAnswer(line), nil
		}
	}
	var tel Telemetry
	switch {
	case lean != nil:
		tel = oneshot.Start(*lean, Version(), env.Stderr)
	case env.Heavy != nil:
		var err error
		if tel, err = env.Heavy.Telemetry(ctx, env); err != nil {
			fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
			return ExitUsage
		}
	}
	if tel != nil {
		// Once, whoever asks first: the run's end, or endNow while the run
		// is still going.
		shutdown := sync.OnceValue(func() error { return tel.Shutdown(ctx) })
		defer shutdown()
		run := &endableRun{Observer: tel.Observer()}
		cleanups = append(cleanups, func(cause error) {
			run.abandon(cause)
			_ = shutdown()
		})
		// Telemetry first: the start-up profile wraps its observer and passes
		// every event on, so both see the run.
		cfg.Observer = run
	}
	done, code := tuneGenerate(env, &cfg)
	if code >= 0 {
		return code
	}
	removeBuiltins, err := useBuiltins(env, &cfg, rest)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
		return ExitFail
	}
	defer removeBuiltins()
	cleanups = append([]func(error){func(error) { removeBuiltins() }}, cleanups...)
	e := generator.New(cfg)
	engine.Store(e)
	if tel != nil {
		tel.ObserveCache(e.CacheStats)
	}
	_, err = e.Run(ctx, rest)
	done(e)
	code = reportGenerateError(env, err, rest[0])
	generated.Store(int32(code))
	return code
}

// cancelableReader reads r until ctx ends, then returns ctx's cause (the
// signal) at once, though the read underneath goes on: a question waiting
// for its answer must not keep a signal from stopping the run, which then
// removes what it made for its writes.
type cancelableReader struct {
	ctx context.Context
	r   io.Reader
}

func (c cancelableReader) Read(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return 0, context.Cause(c.ctx)
	}
	type result struct {
		n   int
		err error
	}
	got := make(chan result, 1)
	buf := make([]byte, len(p)) // not p: the read may end after this call
	go func() {
		n, err := c.r.Read(buf)
		got <- result{n, err}
	}()
	select {
	case r := <-got:
		return copy(p, buf[:r.n]), r.err
	case <-c.ctx.Done():
		return 0, context.Cause(c.ctx)
	}
}

// signalGrace is how long a run may take to stop after SIGINT or SIGTERM.
var signalGrace = 3 * time.Second

// applyGrace is how much longer a run renaming files into place (or
// flushing them, or removing its locks) may take: it does not stop
// part-way, and ending it then left thousands of lock files and old copies
// behind. Bounded all the same: a disk that stopped answering must not
// keep Ctrl-C from working.
var applyGrace = 30 * time.Second

// endAfterSignal, called when a signal has cancelled the run, ends the
// process if the run has not finished signalGrace later. JavaScript running
// inside one of goja's built-ins (Array(2**32-1).includes(1), JSON.stringify
// of a very deep object) never sees an interrupt, and the user's Ctrl-C
// must still work: endNow reports the run as failed and exits. When the
// generation has ended and only its telemetry export is still waiting for
// the Collector (which goes on after a signal, so that an interrupted run
// is counted), the process ends with the generation's exit code.
func endAfterSignal(finished <-chan struct{}, generated *atomic.Int32, applying func() bool, stderr io.Writer, endNow func(why string, cause error)) {
	select {
	case <-finished:
		return
	case <-time.After(signalGrace):
	}
	waited := signalGrace
	if applying() {
		fmt.Fprintf(stderr, "hypergen: files are being put into place; waiting for that to finish (at most %v more)\n", applyGrace)
		for start := time.Now(); applying() && time.Since(start) < applyGrace; {
			select {
			case <-finished:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
		select {
		case <-finished:
			return
		case <-time.After(signalGrace): // the run's own end after the apply phase
		}
		waited += applyGrace
	}
	if code := generated.Load(); code >= 0 {
		fmt.Fprintf(stderr, "hypergen: the telemetry export did not end within %v of the signal; not waiting for it\n", signalGrace)
		os.Exit(int(code))
	}
	endNow(fmt.Sprintf("hypergen: the run did not stop within %v of the signal; ending it "+
		"(JavaScript running inside a built-in, such as JSON.stringify, cannot be interrupted, nor can a disk that does not answer)\n", waited),
		fmt.Errorf("the run did not stop within %v of the signal", waited))
}

// reportGenerateError prints err and maps it to an exit code. first is the
// first argument: when no generator of that name exists and it is close to
// one of hypergen's commands, the command is suggested.
func reportGenerateError(env *Env, err error, first string) int {
	if err == nil {
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
	var te *jsrt.TimeoutError
	if errors.As(err, &te) {
		fmt.Fprintf(env.Stderr, "hypergen: raise the limit with --js-timeout or %s if the work is meant to take that long\n", envJSTimeout)
	}
	if errors.Is(err, generator.ErrOutside) {
		fmt.Fprintln(env.Stderr, "hypergen: --allow-outside permits it")
	}
	var nf *generator.NotFoundError
	var ue *generator.UsageError
	if (errors.As(err, &nf) && nf.Action == "" && nf.Suggestion == "") || errors.As(err, &ue) {
		if c, ok := suggest.Closest(first, commandNames()); ok {
			fmt.Fprintf(env.Stderr, "hypergen: did you mean the command 'hypergen %s'?\n", c)
		}
	}
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitFail
}

// useBuiltins points cfg at hypergen's built-in generators (init,
// generator) when the command names one and the project has no templates
// root, as hygen falls back to its own. The returned function removes the
// folder they were written to.
func useBuiltins(env *Env, cfg *generator.Config, args []string) (remove func(), err error) {
	pos := argv.Parse(args).Positionals
	if len(pos) == 0 || !builtin.Has(jsvalue.ToString(pos[0])) || !builtinsApply(env) {
		return func() {}, nil
	}
	dir, remove, err := builtin.Materialize()
	if err != nil {
		return nil, err
	}
	cfg.Templates, cfg.TemplatesLabel = dir, "hypergen's built-in generators"
	cfg.Index = nil // a folder of this run only: nothing to keep
	return remove, nil
}

// builtinsApply reports whether this folder has no templates root, so that
// the built-in generators are the ones that run (and list, discover and
// help show them).
func builtinsApply(env *Env) bool {
	if generator.TemplatesRoot(env.Cwd, "", env.Getenv) != "" {
		return false
	}
	root, err := templatesRoot(env)
	return err == nil && root == "" // else a .hygen.js names the root (or fails, which the run reports)
}

// builtinGenerators lists the built-in generators with their actions.
func builtinGenerators() ([]generator.GeneratorInfo, error) {
	dir, remove, err := builtin.Materialize()
	if err != nil {
		return nil, err
	}
	defer remove()
	gens, err := generator.ListGenerators(dir)
	for i := range gens {
		gens[i].Path = "" // the folder is gone once listed
	}
	return gens, err
}

// printBuiltins prints the built-in generators under a heading saying why
// they are shown.
func printBuiltins(env *Env, heading string) error {
	gens, err := builtinGenerators()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, heading+" hypergen's built-in generators run here:")
	printGenerators(env.Stdout, gens)
	return nil
}

// overwriteAnswer reads a line as the confirm prompt behind hygen's
// overwrite question (enquirer's) reads keys: the first t, y or 1 means
// yes, the first f, n or 0 no, other keys are ignored, and the end of the
// line before either is the default, no. So "true", "1", "okay" and " y"
// overwrite, and "nope" does not.
func overwriteAnswer(line string) bool {
	for _, r := range line {
		switch unicode.ToLower(r) {
		case 't', 'y', '1':
			return true
		case 'f', 'n', '0':
			return false
		}
	}
	return false
}

// generatorNamed is the generator the words before a --help name (the
// first word that is no flag), with the templates root it is in, if the
// root has one by that name.
func generatorNamed(env *Env, words []string) (root, name string) {
	i := slices.IndexFunc(words, func(w string) bool { return !strings.HasPrefix(w, "-") })
	if i < 0 || !filepath.IsLocal(words[i]) {
		return "", ""
	}
	root, err := templatesRoot(env)
	if err != nil || root == "" {
		return "", ""
	}
	if fi, err := os.Stat(filepath.Join(root, words[i])); err != nil || !fi.IsDir() {
		return "", ""
	}
	return root, words[i]
}

// StopSignals are the signals that stop a hypergen process cleanly: SIGINT,
// SIGTERM and SIGHUP (a closed terminal or session), but not SIGHUP when
// the process was started to ignore it, as nohup starts it: catching it
// would take the ignoring back.
func StopSignals() []os.Signal {
	stop := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) {
		stop = append(stop, syscall.SIGHUP)
	}
	return stop
}
