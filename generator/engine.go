package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/nodepath"
)

// Engine runs generators. It is safe for concurrent use; compiled templates
// are shared between runs for the life of the Engine.
type Engine struct {
	cfg     Config
	realCwd string
	cache   jsrt.Cache
	pool    *jsrt.Pool
}

// New makes an Engine.
func New(cfg Config) *Engine {
	cfg = cfg.withDefaults()
	if abs, err := filepath.Abs(cfg.Cwd); err == nil {
		cfg.Cwd = abs
	}
	return &Engine{cfg: cfg, realCwd: realPath(cfg.Cwd), pool: jsrt.NewPool(cfg.Cwd)}
}

// CacheStats reports compiled-template cache lookups since New.
func (e *Engine) CacheStats() (hits, misses int64) {
	s := e.cache.Stats()
	return s.Hits, s.Misses
}

// TemplateCache is the engine's compiled-template cache, for its statistics
// and for a memory governor to shrink.
func (e *Engine) TemplateCache() *jsrt.Cache { return &e.cache }

// Result is what a Run did.
type Result struct {
	Generator, Action string
	Templates         string // the templates root used
	Files             int    // template files rendered
	Ops               []OpResult
	Messages          []string
	Dry               bool
}

// Run executes one hygen command line: `GENERATOR ACTION[:SUB] [NAME]
// [--flag value ...]`, the arguments after the program name.
func (e *Engine) Run(ctx context.Context, args []string) (res *Result, err error) {
	obs := e.cfg.Observer
	ctx = obs.RunStart(ctx, args)
	defer func() { obs.RunDone(ctx, res, err) }()
	return e.run(ctx, args)
}

func (e *Engine) run(ctx context.Context, args []string) (*Result, error) {
	obs := e.cfg.Observer
	parsed := argv.Parse(args)
	start := time.Now()
	inv, err := e.resolve(parsed)
	obs.PhaseDone(ctx, PhaseResolve, start, err)
	if err != nil {
		return nil, err
	}
	res := &Result{Generator: inv.generator, Action: inv.action, Templates: inv.templates, Dry: inv.dry}
	if inv.dry {
		fmt.Fprintln(e.cfg.Stdout, "(dry mode)")
	} else {
		fmt.Fprintln(e.cfg.Stdout)
	}
	fmt.Fprintf(e.cfg.Stdout, "Loaded templates: %s\n", strings.Replace(inv.templates, e.cfg.Cwd+"/", "", 1))

	start = time.Now()
	files, err := listActionFiles(inv.folder, inv.sub, inv.hasSub, e.cfg.Index)
	obs.PhaseDone(ctx, PhaseList, start, err)
	if err != nil {
		return nil, err
	}
	res.Files = len(files)

	start = time.Now()
	rendered, err := e.renderAll(ctx, inv, files)
	obs.PhaseDone(ctx, PhaseRender, start, err)
	if err != nil {
		return nil, err
	}

	start = time.Now()
	steps, messages, err := e.plan(inv, rendered)
	obs.PhaseDone(ctx, PhasePlan, start, err)
	stopped := errors.Is(err, ErrNoAnswer)
	if err != nil && !stopped {
		return nil, err
	}

	start = time.Now()
	res.Ops, err = e.apply(ctx, inv, rendered, steps)
	obs.PhaseDone(ctx, PhaseApply, start, err)
	if err != nil {
		return res, err
	}
	if stopped {
		fmt.Fprintf(e.cfg.Stderr, "hypergen: %v: stopped before the remaining files, as hygen does\n", ErrNoAnswer)
		return res, nil
	}
	res.Messages = messages
	if len(messages) > 0 {
		fmt.Fprintf(e.cfg.Stdout, "%s:\n%s\n", inv.action, strings.Join(messages, "\n"))
	}
	return res, nil
}

// resolve finds the templates root and the action folder, and builds the
// args object.
func (e *Engine) resolve(parsed *argv.Result) (*invocation, error) {
	templates := TemplatesRoot(e.cfg.Cwd, e.cfg.Templates, e.cfg.Getenv)
	if templates == "" {
		return nil, &UsageError{Msg: fmt.Sprintf("no templates found: set HYGEN_TMPLS or create %s", filepath.Join(e.cfg.Cwd, "_templates"))}
	}
	t := resolvePositionals(absUnder(e.cfg.Cwd, templates), parsed.Positionals)
	switch {
	case t.generator == "":
		return nil, &UsageError{Msg: "please specify a generator"}
	case t.action == "":
		return nil, &UsageError{Msg: fmt.Sprintf("please specify an action for %s", t.generator)}
	}
	dir := absUnder(e.cfg.Cwd, templates)
	folderName, sub, hasSub := splitAction(t.action)
	folder := filepath.Join(dir, t.generator, folderName)
	if !isDir(folder) {
		nf := &NotFoundError{Generator: t.generator, Templates: templates}
		if isDir(filepath.Join(dir, t.generator)) {
			nf.Action = t.action
		}
		nf.Available, _ = ListGenerators(dir)
		return nil, nf
	}
	if err := unsupportedConfig(e.cfg.Cwd, folder); err != nil {
		return nil, err
	}
	args := e.buildArgs(parsed, t, nodepath.Join(templates, t.generator, folderName), sub, hasSub, templates)
	dry, _ := args.Get("dry")
	return &invocation{
		templates: templates, templatesDir: dir, folder: folder,
		generator: t.generator, action: t.action,
		sub: sub, hasSub: hasSub,
		args: args, dry: jsvalue.Truthy(dry),
	}, nil
}

// hookFiles are the action hook files hygen loads (the first that exists).
var hookFiles = []string{"index.js", "index.ts", "prompt.cjs", "prompt.js", "prompt.ts"}

// unsupportedConfig refuses, rather than silently ignores, the JavaScript
// configuration hygen would execute: a .hygen.js found upward from cwd, or an
// action hook file. Ignoring either would produce different files.
func unsupportedConfig(cwd, folder string) error {
	for _, h := range hookFiles {
		if p := filepath.Join(folder, h); fileExists(p) {
			return &TemplateError{File: p, Err: fmt.Errorf("action hook files (params/prompt) are not supported yet; remove %s or pass its answers as flags", h)}
		}
	}
	for dir := cwd; ; dir = filepath.Dir(dir) {
		if p := filepath.Join(dir, ".hygen.js"); fileExists(p) {
			return &TemplateError{File: p, Err: errors.New(".hygen.js configuration (templates, helpers, localsDefaults) is not supported yet")}
		}
		if filepath.Dir(dir) == dir {
			return nil
		}
	}
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
