package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/envflag"
	"github.com/hypergen-dev/hypergen/internal/genspec"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/liquidtmpl"
	"github.com/hypergen-dev/hypergen/internal/nodepath"
)

// Engine runs generators. It is safe for concurrent use; compiled templates
// are shared between runs for the life of the Engine. Make one with New.
type Engine struct {
	cfg     Config
	realCwd string
	cache   jsrt.Cache
	liquid  liquidtmpl.Renderer
	stats   engineStats
	// applying counts the runs replacing files (see Applying).
	applying atomic.Int32
}

// Applying reports whether a run of the engine is in its apply phase:
// renaming files into place, running sh: commands, flushing folders. A
// signal does not stop that phase part-way (the renames finish, or are
// undone); a caller that ends the process when a run outlives a signal
// should let it end first.
func (e *Engine) Applying() bool { return e.applying.Load() > 0 }

// New makes an Engine.
func New(cfg Config) *Engine {
	cfg = cfg.withDefaults()
	if abs, err := filepath.Abs(cfg.Cwd); err == nil {
		cfg.Cwd = abs
	}
	e := &Engine{cfg: cfg, realCwd: realPath(cfg.Cwd)}
	jsrt.BoundRegexps(e.regexLimit())
	return e
}

// jsPool makes the JavaScript runtimes of one run, whose command line is
// args. Every run gets fresh runtimes, so nothing one run's JavaScript
// changes (globals, prototypes, h) is seen by another; compiled templates
// are still shared through the cache. Scripts may run child processes only
// where sh: commands may run, and with ConfineTemplates templates include
// files only from *includeRoot (the resolved templates root, set before
// anything renders).
func (e *Engine) jsPool(ctx context.Context, args []string, includeRoot *string, stuck func(error) func()) *jsrt.Pool {
	stdout, stderr := outputs(ctx, e.cfg)
	setup := jsrt.Setup{
		Cwd: e.cfg.Cwd, Env: sync.OnceValue(func() []string { return jsrt.ScriptEnv(e.cfg.Environ()) }),
		Stdout: stdout, Stderr: stderr,
		Run:       jsrt.RunOptions{Args: args, DenyChildProcess: e.cfg.DenyShell},
		Limits:    jsrt.Limits{Timeout: e.cfg.JSTimeout, Stuck: stuck},
		Templates: &e.cache,
	}
	if e.cfg.ConfineTemplates {
		setup.CheckInclude = func(path string) error {
			if *includeRoot == "" || !insideDir(*includeRoot, realPath(path)) {
				return errors.New("the file is outside the templates root")
			}
			return nil
		}
	}
	return jsrt.NewPool(ctx, setup)
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
// [--flag value ...]`, the arguments after the program name. When it fails
// after the action was found, the Result still names the generator and
// action (and holds the operations done before the failure). The Engine
// must have been made by New: its zero value is not usable.
func (e *Engine) Run(ctx context.Context, args []string) (res *Result, err error) {
	switch {
	case ctx == nil:
		// Or the run fails deep inside, reported as an internal error to
		// be filed as a bug.
		return nil, errors.New("generator: Run was given a nil context")
	case e.cfg.Observer == nil: // New always sets one
		return nil, errors.New("generator: the Engine was not made by generator.New")
	}
	obs := e.cfg.Observer
	start := time.Now()
	ctx = obs.RunStart(ctx, args)
	defer func() {
		e.stats.run(time.Since(start), err)
		obs.RunDone(ctx, res, err)
	}()
	defer jsrt.CatchThrown(&err) // first, so the observer sees the error
	return e.run(ctx, args)
}

// phaseDone tells the observer and the engine's own statistics.
func (e *Engine) phaseDone(ctx context.Context, phase Phase, start time.Time, err error) {
	e.stats.phase(phase, time.Since(start))
	e.cfg.Observer.PhaseDone(ctx, phase, start, err)
}

func (e *Engine) run(ctx context.Context, args []string) (*Result, error) {
	stdout, stderr := outputs(ctx, e.cfg)
	parsed := argv.Parse(args)
	start := time.Now()
	var includeRoot string // where templates may include from (ConfineTemplates), once resolved
	held := newHeldRun(stdout, stderr, e.cfg.Observer, runStuck(ctx, e.cfg.JSStuck))
	inv, err := e.resolve(ctx, parsed, e.jsPool(ctx, args, &includeRoot, held.stuck))
	e.phaseDone(ctx, PhaseResolve, start, err)
	if err != nil {
		return nil, err
	}
	inv.held = held
	includeRoot = inv.realTemplates.resolved() // before any template renders
	res := &Result{Generator: inv.generator, Action: inv.action, Templates: inv.templates, Dry: inv.dry}
	if inv.dry {
		fmt.Fprintln(stdout, "(dry mode)")
	} else {
		fmt.Fprintln(stdout)
	}
	loaded := strings.Replace(inv.templates, inv.cwdGiven+"/", "", 1)
	if e.cfg.TemplatesLabel != "" {
		loaded = e.cfg.TemplatesLabel
	}
	fmt.Fprintf(stdout, "Loaded templates: %s\n", loaded)

	start = time.Now()
	files, err := listActionFiles(ctx, inv.folder, inv.sub, inv.hasSub, e.cfg.Index, e.regexLimit())
	e.phaseDone(ctx, PhaseList, start, err)
	if err != nil {
		return res, err
	}
	if e.cfg.ConfineTemplates {
		// Each folder resolved once: resolving a path stats every element.
		root, real := inv.realTemplates.resolved(), realPaths{}
		for _, f := range files {
			if r, _ := real.of(f); !insideDir(root, r) {
				return res, confinedf("template %s links outside the templates root %s", e.displayPath(f), inv.templates)
			}
		}
	}
	res.Files = len(files)

	start = time.Now()
	rendered, err := e.renderAll(ctx, inv, files)
	if err == nil && ctx.Err() != nil {
		// The run ended while the last render finished: it writes nothing,
		// whichever came first.
		err = context.Cause(ctx)
	}
	e.phaseDone(ctx, PhaseRender, start, err)
	if err != nil {
		return res, err
	}

	// The plan phase plans the files up to the first command; the files
	// after it are planned in the apply phase, once it has run.
	p := e.newPlanner(inv)
	// Counted until the Tx is closed, which removes its locks and the old
	// copies of replaced files: a deferred call made before Close's.
	applying := false
	defer func() {
		if applying {
			e.applying.Add(-1)
		}
	}()
	var tx *atomicfile.Tx
	if !inv.dry {
		if tx, err = e.beginWrites(inv); err != nil {
			return res, err
		}
		e.sayWhenWaiting(ctx, tx, inv)
		defer func() { _ = tx.Close() }()
		if err = e.lockTargets(ctx, tx, p, rendered); err != nil {
			tx.Rollback()
			return res, err
		}
	}

	start = time.Now()
	steps, err := p.plan(rendered)
	if p.stopped {
		// A question left unanswered (stdin closed) ends the run early,
		// as hygen does, with exit status 0: the plan did not fail.
		e.phaseDone(ctx, PhasePlan, start, nil)
	} else {
		e.phaseDone(ctx, PhasePlan, start, err)
	}
	if err != nil && !p.stopped {
		if tx != nil {
			tx.Rollback()
		}
		return res, err
	}

	start = time.Now()
	applying = true
	e.applying.Add(1)
	res.Ops, err = e.apply(ctx, p, rendered, steps, tx)
	if err == nil && tx != nil {
		err = tx.Sync()
	}
	e.phaseDone(ctx, PhaseApply, start, err)
	if err != nil {
		return res, err
	}
	if p.stopped {
		fmt.Fprintf(stderr, "hypergen: %v: stopped before the remaining files, as hygen does\n", ErrNoAnswer)
		return res, nil
	}
	res.Messages = p.messages
	if len(p.messages) > 0 {
		fmt.Fprintf(stdout, "%s:\n%s\n", inv.header, strings.Join(p.messages, "\n"))
	}
	return res, nil
}

// resolve finds the templates root and the action folder, runs the
// project's JavaScript (.hygen.js, the action's hook file) and builds the
// args object.
func (e *Engine) resolve(ctx context.Context, parsed *argv.Result, js *jsrt.Pool) (*invocation, error) {
	var s *script
	if FindConfig(e.cfg.Cwd) != "" {
		var err error
		if s, err = e.newScript(js); err != nil {
			return nil, err
		}
	}
	templates, err := e.templatesRoot(s)
	if err != nil {
		return nil, err
	}
	if templates == "" && !isDir(e.cfg.Cwd) {
		// Said first: "no templates found … create <Cwd>/_templates" would
		// send one looking for templates in a folder that is not there.
		return nil, &UsageError{Msg: fmt.Sprintf("the project folder %s is not there (or is not a folder)", e.cfg.Cwd)}
	}
	if templates == "" && e.cfg.Templates != "" {
		return nil, &UsageError{Msg: fmt.Sprintf("the templates folder %s is not there", absUnder(e.cfg.Cwd, e.cfg.Templates))}
	}
	if templates == "" {
		return nil, &UsageError{Msg: NoTemplates(e.cfg.Cwd, e.cfg.Getenv)}
	}
	if env := PassedOverHygenTmpls(e.cfg.Cwd, templates, e.cfg.Getenv); env != "" && e.cfg.Templates == "" {
		// hygen falls back silently; the output must stay hygen's, but a
		// word on stderr saves a search for why the other templates ran.
		_, stderr := outputs(ctx, e.cfg)
		fmt.Fprintf(stderr, "hypergen: warning: HYGEN_TMPLS=%q is not a folder; using %s, as hygen does\n", env, templates)
	}
	if on, err := envflag.Bool(e.cfg.Getenv, "HYGEN_OVERWRITE", true); err == nil && !on {
		// hygen overwrites on any value that is set, so hypergen does; one
		// who wrote HYGEN_OVERWRITE=0 (a value hypergen's own switches read
		// as off) to be asked would lose edits unwarned.
		_, stderr := outputs(ctx, e.cfg)
		fmt.Fprintf(stderr, "hypergen: warning: HYGEN_OVERWRITE=%q overwrites existing files without asking, as in hygen, where any value does; unset it to be asked\n", e.cfg.Getenv("HYGEN_OVERWRITE"))
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
	// One stat, on every run: a folder, a file of that name (an error, as in
	// hygen), or nothing.
	if st, err := os.Stat(folder); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("generator %q, action %q: %s is a file, not an action folder (hygen fails on it too)", t.generator, t.action, e.displayPath(folder))
	} else if err != nil {
		nf := &NotFoundError{Generator: t.generator, Templates: templates}
		if isDir(filepath.Join(dir, t.generator)) {
			nf.Action = t.action
		}
		nf.Available, nf.ListErr = ListGenerators(dir)
		nf.Suggestion = nf.suggest(folderName)
		return nil, nf
	}
	root := &realRoot{path: dir}
	if e.cfg.ConfineTemplates && !root.contains(folder) {
		return nil, confinedf("generator %q, action %q: the folder is outside the templates root %s", t.generator, t.action, templates)
	}
	answers := jsvalue.NewObject()
	if hook := findHook(folder); hook != "" {
		if e.cfg.ConfineTemplates && !root.contains(hook) {
			return nil, confinedf("hook %s links outside the templates root %s", e.displayPath(hook), templates)
		}
		if s == nil {
			if s, err = e.newScript(js); err != nil {
				return nil, err
			}
		}
		ha := hookArgs(parsed, t)
		if answers, err = e.runHook(s, hook, ha); err != nil {
			return nil, err
		}
		// What the hook changed inside a nested flag is what the
		// templates get, as in hygen (see jsrt's takeBackNested).
		for _, k := range parsed.Flags.Keys() {
			switch v, _ := ha.Get(k); v.(type) {
			case *jsvalue.Object, []any:
				parsed.Flags.Set(k, v)
			}
		}
	}
	cwd, realCwd, cwdGiven := e.cfg.Cwd, e.realCwd, e.cfg.Cwd
	if s != nil && s.config != nil {
		if cwd, cwdGiven, err = e.configCwd(s.config); err != nil {
			return nil, err
		}
		if cwd != e.cfg.Cwd {
			realCwd = realPath(cwd)
		}
		if err := s.config.Complete(templates, e.cfg.Cwd); err != nil {
			return nil, err
		}
	}
	args := e.buildArgs(parsed, t, nodepath.Join(templates, t.generator, folderName), sub, hasSub, templates, cwdGiven, answers)
	defaults := jsvalue.NewObject()
	if s != nil {
		if defaults, err = s.vm.LocalsDefaults(s.config); err != nil {
			return nil, err
		}
	}
	specDir := generatorFolder(dir, folder)
	if spec := filepath.Join(specDir, genspec.FileName); e.cfg.ConfineTemplates && exists(spec) && !root.contains(spec) {
		// Its text would reach the requester in the errors of its checks.
		return nil, confinedf("%s links outside the templates root %s", e.displayPath(spec), templates)
	}
	if err := e.applySpec(ctx, specDir, args, defaults, parsed); err != nil {
		return nil, err
	}
	dry, _ := args.Get("dry")
	inv := &invocation{
		templates: templates, templatesDir: dir, fromDir: dir, realTemplates: root, folder: folder,
		generator: t.generator, action: t.action, header: t.action,
		sub: sub, hasSub: hasSub,
		args: args, defaults: defaults, dry: jsvalue.Truthy(dry),
		configTemplates: e.configTemplates(s),
		script:          s, js: js,
		cwd: cwd, realCwd: realCwd, cwdGiven: cwdGiven,
	}
	if err := e.readBack(inv, nodepath.Join(templates, t.generator, folderName)); err != nil {
		return nil, err
	}
	return inv, nil
}

// readBack takes what flags and hook answers put in the args object under
// the names of hygen's own: hygen reads its run's action folder, subaction
// (the file filter), templates (the root of from:) and action (the
// message: header) back from the args after both are merged in, so
// --subaction b renders only the files matching b, and a hook may pick
// another action folder. folderLocal is the actionfolder local as built.
// The hook has run by then, from the action's own folder, as in hygen.
func (e *Engine) readBack(inv *invocation, folderLocal string) error {
	if v, _ := inv.args.Get("actionfolder"); v != any(folderLocal) {
		// hygen lists path.join(actionfolder, file), relative to its
		// working directory, once fs.exists says the folder is there.
		s, ok := v.(string)
		folder := absUnder(e.cfg.Cwd, s)
		if !ok || s == "" || !isDir(folder) {
			return &UsageError{Msg: fmt.Sprintf("actionfolder %s (set by a flag or the hook): no such folder, so hygen cannot find action %q for generator %q", jsvalue.ToString(v), inv.action, inv.generator)}
		}
		if e.cfg.ConfineTemplates && !inv.realTemplates.contains(folder) {
			return confinedf("actionfolder %s (set by a flag or the hook) is outside the templates root %s", s, inv.templates)
		}
		inv.folder = folder
	}
	// file.match(subaction) when subaction is truthy: a string is a
	// pattern, anything else the pattern its String() gives.
	v, _ := inv.args.Get("subaction")
	inv.sub, inv.hasSub = "", jsvalue.Truthy(v)
	if inv.hasSub {
		inv.sub = jsvalue.ToString(v)
	}
	if v, _ := inv.args.Get("templates"); v != any(inv.templates) {
		// from: is path.join(args.templates, from), which throws on
		// anything but a string.
		s, ok := v.(string)
		if !ok {
			inv.fromErr = fmt.Errorf("TypeError: the templates local (set by a flag or the hook) is a %s, not a string, and from: joins it to its path", kindOf(v))
		}
		inv.fromDir = absUnder(e.cfg.Cwd, s)
	}
	v, _ = inv.args.Get("action")
	inv.header = jsvalue.ToString(v)
	return nil
}

// configCwd is the folder the project's .hygen.js names as cwd (resolved
// against Config.Cwd, as path.resolve would), or Config.Cwd, and the value
// as the file gives it (see invocation.cwdGiven). A request that is
// confined (the agent's) may not move it: its writes stay in the folder
// the agent serves.
func (e *Engine) configCwd(c *jsrt.ProjectConfig) (dir, given string, err error) {
	given, ok, err := c.Cwd()
	if err != nil {
		return "", "", &TemplateError{File: e.displayPath(c.File), Err: unwrapFile(err, c.File)}
	}
	if !ok {
		return e.cfg.Cwd, e.cfg.Cwd, nil
	}
	dir = targetPath(e.cfg.Cwd, given)
	if dir != e.cfg.Cwd && e.cfg.ConfineTemplates {
		return "", "", &UsageError{Msg: fmt.Sprintf("%s sets cwd to %s; requests write only in %s", e.displayPath(c.File), dir, e.cfg.Cwd)}
	}
	if !isDir(dir) {
		return "", "", &TemplateError{File: e.displayPath(c.File), Err: fmt.Errorf("cwd %s is not a folder", dir)}
	}
	return dir, given, nil
}

// configTemplates is the templates folder the project's .hygen.js names,
// when the engine serves another (Config.Templates) to confined requests:
// a CLI run in the project, or in a folder of it that finds the same
// .hygen.js, would use it, so such a request may not write there. A
// relative one is its path's names, which any folder of the project may
// end with; an absolute one, resolved, a single folder.
func (e *Engine) configTemplates(s *script) templatesFolder {
	if e.cfg.Templates == "" || !e.cfg.ConfineTemplates || s == nil || s.config == nil {
		return templatesFolder{}
	}
	dir, ok, err := s.config.Templates()
	if err != nil || !ok || dir == "" {
		return templatesFolder{}
	}
	// "." (or "x/..") is the folder a run starts in, the project itself:
	// resolved below, it holds every target.
	if clean := filepath.Clean(dir); !filepath.IsAbs(clean) && filepath.IsLocal(clean) && clean != "." {
		return templatesFolder{names: strings.Split(filepath.ToSlash(clean), "/")}
	}
	return templatesFolder{abs: realPath(absUnder(e.cfg.Cwd, dir))}
}

// templatesFolder is where runs other than this one find templates: a
// folder (abs), or any folder whose path ends with names.
type templatesFolder struct {
	abs   string
	names []string
}

// holds reports whether p, below root, lies in the folder.
func (f templatesFolder) holds(root, p string) bool {
	if f.abs != "" {
		return insideDir(f.abs, p)
	}
	if f.names == nil {
		return false
	}
	rel, err := filepath.Rel(root, filepath.Dir(p))
	if err != nil {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i := 0; i+len(f.names) <= len(parts); i++ {
		match := true
		for j, n := range f.names {
			// In any case: on a file system that ignores it, TMPL is tmpl.
			match = match && strings.EqualFold(parts[i+j], n)
		}
		if match {
			return true
		}
	}
	return false
}

// templatesRoot is the root hygen would use: Config.Templates, then the
// `templates` of .hygen.js, then $HYGEN_TMPLS and ./_templates.
func (e *Engine) templatesRoot(s *script) (string, error) {
	if e.cfg.Templates == "" && s != nil && s.config != nil {
		t, ok, err := s.config.Templates()
		if err != nil {
			return "", &TemplateError{File: e.displayPath(s.config.File), Err: unwrapFile(err, s.config.File)}
		}
		if ok {
			return t, nil
		}
	}
	return TemplatesRoot(e.cfg.Cwd, e.cfg.Templates, e.cfg.Getenv), nil
}

// ResolveTemplates returns the templates folder a run in cwd would use (see
// Config.Templates), evaluating the project's .hygen.js if there is one, as
// an absolute path ("" when there is none). Runs themselves keep hygen's form
// of the root, which may be relative, for the templates local.
func ResolveTemplates(cwd, override string, getenv func(string) string) (string, error) {
	return ResolveTemplatesContext(context.Background(), Config{Cwd: cwd, Templates: override, Getenv: getenv})
}

// ResolveTemplatesContext is ResolveTemplates for cfg's Cwd, Templates and
// Getenv, running the .hygen.js under cfg's JSTimeout and DenyShell; the end
// of ctx (a signal, for a command line) interrupts it.
func ResolveTemplatesContext(ctx context.Context, cfg Config) (_ string, err error) {
	defer jsrt.CatchThrown(&err)
	e := New(cfg)
	var s *script
	if FindConfig(e.cfg.Cwd) != "" {
		var err error
		if s, err = e.newScript(e.jsPool(ctx, nil, new(string), e.cfg.JSStuck)); err != nil {
			return "", err
		}
	}
	root, err := e.templatesRoot(s)
	if err != nil || root == "" {
		return root, err
	}
	return absUnder(e.cfg.Cwd, root), nil
}

// ResolveTemplatesWithoutCommands is ResolveTemplates for a shell's Tab key,
// which must neither run the project's commands nor wait for its code: the
// .hygen.js may not start child processes (the call that would is an
// error) and gets a second at most. It makes an Engine with that limit:
// called before any other Engine is made, it sets the process's bound on
// backtracking regular expressions (see Config.JSTimeout) to a second too.
func ResolveTemplatesWithoutCommands(cwd string, getenv func(string) string) (string, error) {
	return ResolveTemplatesContext(context.Background(), Config{Cwd: cwd, Getenv: getenv, DenyShell: true, JSTimeout: time.Second})
}

// generatorFolder is the folder of the generator an action folder belongs
// to, whose template.yml applies: the first one below the templates root
// on the way to it, however the generator and action words split that
// path ("c new", ". c/new" and "c/new ." all reach c/new).
func generatorFolder(templatesDir, actionFolder string) string {
	rel, err := filepath.Rel(templatesDir, actionFolder)
	if err != nil || !filepath.IsLocal(rel) {
		return actionFolder
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return filepath.Join(templatesDir, first)
}
