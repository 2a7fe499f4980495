package generator

import (
	"context"
	"io"
	"os"
	"runtime"
	"time"
)

// Config is what an Engine needs from its caller. The zero value of every
// field has a sensible default (see withDefaults).
type Config struct {
	// Cwd is the project directory: relative targets resolve against it, and
	// no target may leave it unless AllowOutside. A .hygen.js `cwd` (found
	// here or in a folder above) takes its place for both, as in hygen;
	// ConfineTemplates refuses one that leads elsewhere. Default: the
	// process's.
	Cwd string
	// Templates overrides the templates root; empty means the `templates` of
	// a .hygen.js, then $HYGEN_TMPLS, then <Cwd>/_templates, as hygen looks.
	// A Templates that is not a folder fails the run (a UsageError naming
	// it) rather than falling back to the project's own templates.
	Templates string
	// TemplatesLabel, when set, is what the "Loaded templates:" line names
	// instead of the root: the built-in generators are read from a temporary
	// folder whose name means nothing to the user.
	TemplatesLabel string
	// Getenv reads the environment (HYGEN_TMPLS, HYGEN_OVERWRITE, HYGEN_TS,
	// HYGEN_OUTPUT_ABS_PATH). Default: os.Getenv.
	Getenv func(string) string
	// Stdout receives hygen's progress lines; Stderr receives shell errors.
	Stdout, Stderr io.Writer
	// Prompt answers "overwrite?" for an existing target; nil answers no.
	// Returning ErrNoAnswer (stdin closed) stops the run after the files
	// before this one, exit status 0, as hygen does.
	Prompt func(question string) (bool, error)
	// Answers answer hook questions by name (values as encoding/json
	// decodes them), before anything is asked.
	Answers map[string]any
	// Ask asks a hook question the user (on a terminal). Nil means nobody
	// can be asked: a question is answered by Answers, a flag of its name or
	// its initial value, else the run fails.
	Ask func(q Question) (any, error)
	// AllowOutside permits targets outside Cwd, and `from:` files outside
	// the templates root and Cwd.
	AllowOutside bool
	// ConfineTemplates refuses an action folder, template file, hook or
	// template.yml that, with symbolic links resolved, lies outside the
	// templates root, and a target inside it or named .hygen.js: for
	// callers that run other people's requests, like the agent's API.
	// (The CLI lets a templates
	// tree link to shared generators, as hygen does, and its built-in
	// generators write templates.)
	ConfineTemplates bool
	// Parallelism bounds concurrent renders. Default: GOMAXPROCS.
	Parallelism int
	// Now supplies the `ts` local when HYGEN_TS is unset. Default: time.Now.
	Now func() time.Time
	// Shell is the program that runs `sh:` commands with -c. Default: /bin/sh.
	Shell string
	// DenyShell refuses templates with `sh:` (before anything is written),
	// for callers that run other people's requests, like the agent's API.
	DenyShell bool
	// Observer, if set, is told about each phase and operation.
	Observer Observer
	// Environ lists the environment that templates, hooks and .hygen.js see
	// as process.env, before the secrets are removed (see jsrt.ScriptEnv).
	// Default: os.Environ.
	Environ func() []string
	// JSTimeout bounds the wall-clock time of each template render (Liquid
	// too: see liquidtmpl.Renderer.Render for what happens to one that
	// outlives it), hook and .hygen.js evaluation. Default (zero or less): jsrt.DefaultTimeout
	// (30s); there is no way to run without a limit. A match of a regular
	// expression that needs backtracking (lookarounds, backreferences) is
	// bounded by the limit of the first Engine made in the process, whatever
	// the Engine that runs it: regexp2, which runs those, has only a
	// process-wide limit.
	JSTimeout time.Duration
	// JSStuck, if set, is called when a call into JavaScript that its time
	// or memory limit stopped is still running jsrt.StuckGrace later, with
	// a *jsrt.StuckError: it is inside one built-in function (new
	// Array(2**32-1).fill(1)), which nothing can interrupt, and it goes on,
	// allocating, until that function returns. What it returns, if not nil,
	// is called if the call ends after all. The CLI exits; the agent
	// reports itself unhealthy until the call ends. A call is stopped for
	// memory when it has run for a tenth of a second while the heap holds
	// more than GOMEMLIMIT, or 4 GiB without one (jsrt.Limits.Memory). A
	// Liquid render past its time limit that runs on is reported the same
	// way (it holds one of the process's GOMAXPROCS Liquid slots).
	JSStuck func(err error) (ended func())
	// Writes are durable by default: each file is flushed to disk before it
	// is renamed into place, and each folder once after, so a power failure
	// right after a run loses none of it. NoFsync turns that off: writes are
	// still atomic (whole files or nothing, also when the run fails) but may
	// be lost to a power failure, as hygen's are. Without either field the
	// environment (Getenv) decides: HYPERGEN_FSYNC=0 or false turns fsync
	// off, unset or a true value leaves it on. Fsync keeps it on whatever
	// the environment says. Setting both is an error.
	Fsync, NoFsync bool
	// Index, if set, supplies and keeps action folders' file listings across
	// runs (see internal/diskindex); nil walks every time.
	Index Index
}

func (c Config) withDefaults() Config {
	if c.Cwd == "" {
		c.Cwd, _ = os.Getwd()
	}
	if c.Getenv == nil {
		c.Getenv = os.Getenv
	}
	if c.Stdout == nil {
		c.Stdout = io.Discard
	}
	if c.Stderr == nil {
		c.Stderr = io.Discard
	}
	if c.Parallelism <= 0 {
		c.Parallelism = runtime.GOMAXPROCS(0)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Shell == "" {
		c.Shell = "/bin/sh"
	}
	if c.Environ == nil {
		c.Environ = os.Environ
	}
	if c.Observer == nil {
		c.Observer = nopObserver{}
	}
	return c
}

type outputKey struct{}

type output struct{ stdout, stderr io.Writer }

// WithOutput makes the Runs given ctx print to stdout and stderr instead of
// Config.Stdout and Config.Stderr, so one Engine (and its warm caches) can
// serve requests that each collect their own output. A nil writer
// discards, as a nil Config.Stdout does.
func WithOutput(ctx context.Context, stdout, stderr io.Writer) context.Context {
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	return context.WithValue(ctx, outputKey{}, output{stdout, stderr})
}

type stuckKey struct{}

// WithStuck returns ctx carrying f, which a Run with ctx calls, before
// Config.JSStuck, when its JavaScript (or a Liquid render) runs on past
// being stopped: a server can answer the request then, rather than when
// the stuck call ends, which may be never.
func WithStuck(ctx context.Context, f func(error)) context.Context {
	return context.WithValue(ctx, stuckKey{}, f)
}

// runStuck is Config.JSStuck for the run of ctx, with its WithStuck hook
// told first.
func runStuck(ctx context.Context, next func(error) func()) func(error) func() {
	f, ok := ctx.Value(stuckKey{}).(func(error))
	if !ok {
		return next
	}
	return func(err error) func() {
		f(err)
		if next != nil {
			return next(err)
		}
		return nil
	}
}

func outputs(ctx context.Context, cfg Config) (stdout, stderr io.Writer) {
	if o, ok := ctx.Value(outputKey{}).(output); ok {
		return o.stdout, o.stderr
	}
	return cfg.Stdout, cfg.Stderr
}
