package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/capped"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/nodepath"
	"github.com/hypergen-dev/hypergen/internal/procgroup"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// OpKind is the kind of operation a template file asks for.
type OpKind string

// Operation kinds, in the order hygen applies them within one file.
const (
	OpAdd    OpKind = "add"
	OpInject OpKind = "inject"
	OpEcho   OpKind = "echo"
	OpShell  OpKind = "sh"
)

// Status is the outcome of one operation.
type Status string

// Operation outcomes.
const (
	StatusAdded    Status = "added"
	StatusForced   Status = "forced"
	StatusInjected Status = "injected"
	StatusSkipped  Status = "skipped"
	StatusExecuted Status = "executed"
)

// Why an operation was skipped (OpResult.Reason). The CLI prints a skip
// as hygen does, which tells none of them apart from another; a caller
// of the engine or of the agent's API may need to, since only the last one
// usually means something is wrong.
const (
	// SkipExists: the file is there, and neither force nor an answer
	// replaced it (unless_exists, or the overwrite question).
	SkipExists = "exists"
	// SkipIf: skip_if matched. An inject then leaves the file as it was,
	// though the CLI prints "inject:" for it, as hygen does.
	SkipIf = "skip_if"
	// SkipNoTarget: an inject's file does not exist.
	SkipNoTarget = "no_target"
)

// OpResult is what one operation did (or, in a dry run, would do).
type OpResult struct {
	Kind     OpKind
	Template string // template file, relative to the project where possible
	Target   string // `to` as written (add, inject) or the command (sh)
	Status   Status
	Reason   string `json:",omitempty"` // why it was skipped: SkipExists, SkipIf or SkipNoTarget
	Bytes    int    // bytes written
}

// fileState is the project as the plan sees it: files already planned are
// read from memory, everything else from disk. A dry run sees the disk
// alone (diskOnly), as hygen's does, since it writes nothing: an inject
// into a file an earlier template would add says it does not exist, and a
// second add of one target is "added" again, with no overwrite question.
type fileState struct {
	planned  map[string][]byte
	diskOnly bool
	// confine, when set (the project's folder, resolved), is where a file
	// is read through: see readInside.
	confine []string
}

// exists reports whether abs is there. A named pipe, device or socket is
// an error: reading one blocks or never ends, and replacing it with a file
// would break what uses it.
func (s *fileState) exists(abs string) (bool, error) {
	if _, ok := s.planned[abs]; ok && !s.diskOnly {
		return true, nil
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return false, nil
	}
	if !fi.IsDir() { // a folder is refused when written, as before
		if err := regularfile.Check(fi); err != nil {
			return true, err
		}
	}
	return true, nil
}

func (s *fileState) read(abs string) ([]byte, error) {
	if b, ok := s.planned[abs]; ok && !s.diskOnly {
		return b, nil
	}
	if s.confine != nil {
		// By its resolved path: os.Root refuses an absolute link, even
		// one to a folder inside the project.
		return readInside(s.confine, realPath(abs))
	}
	return regularfile.ReadFile(abs)
}

// readInside reads file, which the plan found inside the first of dirs
// that holds it by name, through an os.Root of that folder: a link swapped
// in since the plan looked, leading out of it, is refused instead of
// followed (the agent copied a file from outside the project into it when
// a link raced the check).
func readInside(dirs []string, file string) ([]byte, error) {
	for _, dir := range dirs {
		rel, err := filepath.Rel(dir, file)
		if err != nil || !filepath.IsLocal(rel) {
			continue
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		b, err := regularfile.ReadFileIn(root, rel)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return b, nil
	}
	return nil, fmt.Errorf("%s is outside %s", file, strings.Join(dirs, " and "))
}

// step is one effect of the plan, applied in order.
type step struct {
	result OpResult
	log    string // the line hygen prints for it
	write  string // absolute path to write, if any
	data   []byte
	shell  string   // command to run, if any
	input  string   // its stdin
	env    []string // its environment; nil: hypergen's own
	// exec runs it instead of the shell: .hygen.js's exec (nil: none).
	exec   func(command, input string) error
	ignore bool // sh_ignore_exit
	// warning goes to stderr when the step is carried out (stdout stays
	// hygen's): an inject whose before:/after: matched nothing, say.
	warning string
}

type planner struct {
	e     *Engine
	inv   *invocation
	state fileState
	steps []step
	// afterShell is set once a command is planned: a stepwise plan ends
	// there, to go on once the command has run.
	afterShell bool
	// stepwise ends a plan after the first file with a command, when the
	// commands really run: hygen carries out each file before it looks at
	// the next, so the files after a command must see what it changed (an
	// edit an inject keeps, a file unless_exists skips). The rest is
	// planned once it has run, from the disk as it left it.
	stepwise bool
	next     int      // the index of the next file to plan
	messages []string // message: attributes, in file order
	// stopped is set when a question went unanswered: the run carries out
	// what was planned before it, then stops.
	stopped bool
	real    realPaths // nil until the first target is resolved
	// lastWrite is the step that last wrote each file since the last
	// command (see addWrite).
	lastWrite map[string]int
}

func (e *Engine) newPlanner(inv *invocation) *planner {
	return &planner{e: e, inv: inv, stepwise: !inv.dry}
}

// plan computes the operations of the files not planned yet, without
// touching the project: all of them, or (stepwise) those up to the first
// command. The steps of files planned before are on disk by now, and are
// read from there.
func (p *planner) plan(files []renderedFile) ([]step, error) {
	// A command may have changed files and links since the last segment.
	p.steps, p.state, p.real = nil, fileState{planned: map[string][]byte{}, diskOnly: p.inv.dry}, nil
	p.lastWrite = map[string]int{}
	if !p.e.cfg.AllowOutside {
		p.state.confine = []string{p.inv.realCwd}
	}
	for p.next < len(files) {
		f := &files[p.next]
		p.next++
		if m, ok := f.attrs.Get("message"); ok && jsvalue.Truthy(m) {
			p.messages = append(p.messages, jsvalue.ToString(m))
		}
		if err := p.file(f); err != nil {
			if errors.Is(err, ErrNoAnswer) {
				p.stopped = true
				return p.steps, err
			}
			return nil, &TemplateError{File: p.e.displayPath(f.path), Err: err}
		}
		if p.stepwise && p.afterShell {
			p.afterShell = false
			break
		}
	}
	return p.steps, nil
}

// segmentEnd is the index after the last file plan plans next: the first
// file from p.next on with a command (stepwise), or the last file.
func (p *planner) segmentEnd(files []renderedFile) int {
	if p.stepwise {
		for i := p.next; i < len(files); i++ {
			if sh, ok := attr(&files[i], "sh").(string); ok && sh != "" {
				return i + 1
			}
		}
	}
	return len(files)
}

// done reports whether every file has been planned.
func (p *planner) done(files []renderedFile) bool { return p.next >= len(files) }

func attr(f *renderedFile, key string) any {
	v, ok := f.attrs.Get(key)
	if !ok {
		return jsvalue.Undefined
	}
	return v
}

func (p *planner) file(f *renderedFile) error {
	to := attr(f, "to")
	inject := jsvalue.Truthy(attr(f, "inject"))
	// What sh: reads: the body, or the from: file an add wrote instead, as
	// hygen's add replaces the action's body with it.
	input := f.body
	if jsvalue.Truthy(to) {
		toPath, ok := to.(string)
		if !ok {
			return fmt.Errorf("`to` must be a string, not %s", kindOf(to))
		}
		var err error
		if inject {
			err = p.inject(f, toPath)
		} else {
			var copied []byte
			if copied, err = p.add(f, toPath); copied != nil {
				input = string(copied)
			}
		}
		if err != nil {
			return err
		}
	}
	if echo, ok := echoText(attr(f, "echo")); ok {
		p.steps = append(p.steps, step{result: p.result(f, OpEcho, echo, StatusExecuted), log: echo})
	}
	if list, ok := attr(f, "sh").([]any); ok && len(list) > 0 {
		// hygen hands it to execa as a command line, which throws; an
		// empty list it skips, as it skips a number or a boolean. A dry
		// run runs nothing, and sh_ignore_exit ignores the throw: hygen
		// then reports the list, joined, as the command it ran.
		if !p.inv.dry && attr(f, "sh_ignore_exit") != true {
			return fmt.Errorf("`sh` must be a string (one command line), not %s", kindOf(list))
		}
		text := jsvalue.ToString(list)
		p.steps = append(p.steps, step{result: p.result(f, OpShell, text, StatusExecuted), log: "       shell: " + text})
	}
	if sh, ok := attr(f, "sh").(string); ok && sh != "" {
		if p.e.cfg.DenyShell {
			return fmt.Errorf("sh: commands are not allowed here (%q)", sh)
		}
		env, err := p.shellEnv()
		if err != nil {
			return err
		}
		p.steps = append(p.steps, step{
			result: p.result(f, OpShell, sh, StatusExecuted),
			log:    "       shell: " + sh,
			shell:  sh,
			input:  input,
			ignore: attr(f, "sh_ignore_exit") == true,
			env:    env,
			exec:   p.configExec(),
		})
		clear(p.lastWrite) // what came before, the command may read
		p.afterShell = true
	}
	if jsvalue.Truthy(attr(f, "setup")) {
		return errors.New("`setup` (fetching a remote starter) is not supported by hypergen")
	}
	return nil
}

// echoText is what hygen's echo prints of the attribute: a string, or an
// array joined with commas, when it is not empty (its notEmpty test is
// x.length > 0).
func echoText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, x != ""
	case []any:
		return jsvalue.ToString(x), len(x) > 0
	}
	return "", false
}

func (p *planner) result(f *renderedFile, kind OpKind, target string, st Status) OpResult {
	return OpResult{Kind: kind, Template: p.e.displayPath(f.path), Target: target, Status: st}
}

func (p *planner) skipped(f *renderedFile, kind OpKind, target, reason string) OpResult {
	r := p.result(f, kind, target, StatusSkipped)
	r.Reason = reason
	return r
}

// destination is where a `to:` leads.
type destination struct {
	abs   string // `to` made absolute: what hygen prints with HYGEN_OUTPUT_ABS_PATH
	write string // the file to read and replace: abs, or where the link at abs leads
}

// maxTargetPath is the longest full path a target may have: what Linux's
// system calls take (PATH_MAX, 4096 bytes with the NUL), where Node, and
// so hygen, fails. hypergen's writes open one folder at a time and would
// go deeper, creating thousands of folders for a runaway name.
const maxTargetPath = 4095

// resolveTarget makes `to` absolute and enforces the project boundary and,
// with ConfineTemplates, keeps the request out of what configures later
// runs. When `to` names a symbolic link, the file it leads to is the one
// written, as hygen's fs.writeFile writes through the link; replacing the
// link would turn it into a copy.
func (p *planner) resolveTarget(to string) (destination, error) {
	if strings.IndexByte(to, 0) >= 0 {
		return destination{}, fmt.Errorf("target %q contains a NUL byte, which no file name may", to)
	}
	abs := targetPath(p.inv.cwd, to)
	if len(abs) > maxTargetPath {
		short := to
		if len(short) > 60 {
			short = strings.ToValidUTF8(short[:60], "") + "…"
		}
		return destination{}, fmt.Errorf("target %q is %d bytes long as a full path, more than the %d a file path may have (Linux's PATH_MAX)", short, len(abs), maxTargetPath)
	}
	if err := notLockName(to, abs); err != nil {
		return destination{}, err
	}
	t := destination{abs: abs, write: abs}
	if p.real == nil {
		p.real = realPaths{}
	}
	if p.e.cfg.AllowOutside && !p.e.cfg.ConfineTemplates {
		if fi, err := os.Lstat(abs); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			t.write, _ = p.real.of(abs)
		}
		return t, notLockName(to, t.write)
	}
	real, link := p.real.of(abs)
	if !p.e.cfg.AllowOutside && !insideDir(p.inv.realCwd, real) {
		return destination{}, outsidef("target %s resolves outside the project directory %s", to, p.inv.cwd)
	}
	if p.e.cfg.ConfineTemplates {
		// A request that may not run commands must not write a template,
		// a hook or the project's .hygen.js either: the next run to use
		// them (a developer's, allowed to run commands) would run its code.
		if insideDir(p.inv.realTemplates.resolved(), real) || p.underTemplates(real) {
			return destination{}, fmt.Errorf("target %s is inside the templates root %s, which requests may not change", to, p.inv.templates)
		}
		// Nor into another folder named _templates (a sub-package's, or
		// the project's own when the agent serves templates from
		// elsewhere): a run started there would take it for its root.
		if anyTemplatesFolder.holds(p.inv.cwd, abs) || anyTemplatesFolder.holds(p.inv.realCwd, real) ||
			p.inv.configTemplates.holds(p.inv.cwd, abs) || p.inv.configTemplates.holds(p.inv.realCwd, real) {
			return destination{}, fmt.Errorf("target %s is inside a folder named %s or the templates folder of the project's %s, where runs find their templates; requests may not write there", to, defaultTemplatesDir, ConfigFile)
		}
		if isConfigName(abs) || isConfigName(real) || p.isProjectConfig(real) {
			return destination{}, fmt.Errorf("target %s is a %s, which configures the project's runs; requests may not write one", to, ConfigFile)
		}
	}
	if err := notLockName(to, real); err != nil {
		return destination{}, err
	}
	if link || real != abs {
		// The file a link at abs, or on the way to it, leads to, named
		// inside the project as the Tx knows it (the real path may spell
		// the project's own folder differently): one file reached by two
		// paths (out/f and link-to-out/f) is then one file to the plan,
		// whose second inject builds on the first, and to the lock of its
		// folder; and a folder link that is absolute, which os.Root
		// refuses to follow, is not followed.
		t.write = real
		if rel, err := filepath.Rel(p.inv.realCwd, real); err == nil && filepath.IsLocal(rel) {
			t.write = filepath.Join(p.inv.cwd, rel)
		}
	}
	return t, nil
}

// notLockName refuses a target path with a file or folder named as the
// lock files of atomicfile, in any case (the same name on a file system
// that ignores case).
func notLockName(to, path string) error {
	for _, name := range strings.Split(filepath.ToSlash(path), "/") {
		if strings.EqualFold(name, atomicfile.LockFile) {
			return fmt.Errorf("target %s: the name %s is reserved for hypergen's lock files", to, atomicfile.LockFile)
		}
		if atomicfile.IsTemp(name) {
			// A later run writing in its folder would take it for one it
			// left behind and remove it.
			return fmt.Errorf("target %s: %s has the form of hypergen's temporary files (.NAME.hypergen-HEX), which later runs remove", to, name)
		}
	}
	return nil
}

// anyTemplatesFolder is every folder named _templates, in any case.
var anyTemplatesFolder = templatesFolder{names: []string{defaultTemplatesDir}}

// isConfigName reports whether p is named .hygen.js, in any case (on a
// file system that ignores case, .HYGEN.JS is the same file).
func isConfigName(p string) bool { return strings.EqualFold(filepath.Base(p), ConfigFile) }

// underTemplates reports whether the nearest existing folder of real, or
// one above it, is the templates root as the file system sees it: the same
// file, however its name is spelled or cased.
func (p *planner) underTemplates(real string) bool {
	root, err := os.Stat(p.inv.realTemplates.resolved())
	if err != nil {
		return false
	}
	for d := filepath.Dir(real); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil && os.SameFile(fi, root) {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// isProjectConfig reports whether real is the .hygen.js this run loaded
// (through a link, say), as the file system sees it.
func (p *planner) isProjectConfig(real string) bool {
	if p.inv.script == nil || p.inv.script.config == nil {
		return false
	}
	a, err := os.Stat(p.inv.script.config.File)
	b, err2 := os.Stat(real)
	return err == nil && err2 == nil && os.SameFile(a, b)
}

// targetPath is `to` made absolute against the project folder: exactly
// Node's path.resolve where paths are POSIX, as in hygen; on Windows by the
// system's rules, so `to:` may use backslashes and drive letters there, as
// hygen's path.win32 allows (a rooted path without a drive, \x, is taken
// inside the project, where Node would put it at the drive's root).
func targetPath(cwd, to string) string {
	if filepath.Separator == '/' {
		return nodepath.Resolve(cwd, to)
	}
	if filepath.IsAbs(to) {
		return filepath.Clean(to)
	}
	return filepath.Join(cwd, to)
}

// logPath is the path hygen prints: as written, or absolute when
// HYGEN_OUTPUT_ABS_PATH is set.
func (p *planner) logPath(to, abs string) string {
	if p.e.cfg.Getenv("HYGEN_OUTPUT_ABS_PATH") != "" {
		return abs
	}
	return to
}

// add plans writing f to to. copied is the content of the from: file it
// writes instead of the body, if any.
func (p *planner) add(f *renderedFile, to string) (copied []byte, err error) {
	t, err := p.resolveTarget(to)
	if err != nil {
		return nil, err
	}
	force := jsvalue.Truthy(attr(f, "force"))
	exists, err := p.state.exists(t.write)
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", to, err)
	}
	skip := func() ([]byte, error) {
		p.steps = append(p.steps, step{result: p.skipped(f, OpAdd, to, SkipExists), log: "     skipped: " + to})
		return nil, nil
	}
	if !force && attr(f, "unless_exists") == true && exists {
		return skip()
	}
	if p.e.cfg.Getenv("HYGEN_OVERWRITE") == "" && exists && !force {
		yes, err := p.askOverwrite(to)
		if err != nil {
			return nil, err
		}
		if !yes {
			return skip()
		}
	}
	if attr(f, "skip_if") == "true" {
		p.steps = append(p.steps, step{result: p.skipped(f, OpAdd, to, SkipIf)})
		return nil, nil
	}
	body := []byte(f.body)
	from := attr(f, "from")
	if jsvalue.Truthy(from) {
		if p.inv.fromErr != nil {
			return nil, fmt.Errorf("from: %w", p.inv.fromErr)
		}
		src := filepath.Join(p.inv.fromDir, jsvalue.ToString(from))
		if err := regularfile.CheckEnviron(src); err != nil {
			// Its text would be written out, and may be printed.
			return nil, fmt.Errorf("from: %w", err)
		}
		if roots := p.e.readRoots(p.inv); roots == nil {
			body, err = regularfile.ReadFile(src)
		} else if real := realPath(src); !insideAny(roots, real) {
			return nil, outsidef("from: %s resolves %s", jsvalue.ToString(from), p.e.outsideReadRoots())
		} else {
			body, err = readInside(roots, real)
		}
		if err != nil {
			return nil, fmt.Errorf("from: %w", err)
		}
		copied = body
	}
	st, verb := StatusAdded, "added"
	if force {
		st, verb = StatusForced, "FORCED"
	}
	r := p.result(f, OpAdd, to, st)
	r.Bytes = len(body)
	p.state.planned[t.write] = body
	p.addWrite(step{result: r, log: "       " + verb + ": " + p.logPath(to, t.abs), write: t.write, data: body})
	return copied, nil
}

// addWrite appends a step that writes a whole file. An earlier write of the
// same file with no command in between is one that superseded skips, so
// its content is dropped now: 4,000 injects into one 800 KB file kept
// every version of it, and ran out of memory.
func (p *planner) addWrite(s step) {
	if i, ok := p.lastWrite[s.write]; ok {
		p.steps[i].data = nil
	}
	p.lastWrite[s.write] = len(p.steps)
	p.steps = append(p.steps, s)
}

func (p *planner) inject(f *renderedFile, to string) error {
	t, err := p.resolveTarget(to)
	if err != nil {
		return err
	}
	exists, err := p.state.exists(t.write)
	if err != nil {
		return fmt.Errorf("cannot inject to %s: %w", to, err)
	}
	if !exists {
		// hygen logs this and goes on, and generators count on it: one that
		// injects into a barrel file before the template creating it runs
		// the first time. A skip, then, not a failure.
		p.steps = append(p.steps, step{result: p.skipped(f, OpInject, to, SkipNoTarget),
			log: "Cannot inject to " + to + ": doesn't exist."})
		return nil
	}
	content, err := p.state.read(t.write)
	if err != nil {
		return err
	}
	out, matched, warning, err := injectInto(f.attrs, f.body, string(content), p.e.regexLimit())
	if err != nil {
		return err
	}
	r := p.result(f, OpInject, to, StatusInjected)
	if matched {
		r = p.skipped(f, OpInject, to, SkipIf)
	}
	r.Bytes = len(out)
	data := []byte(out) // the plan's view of the file and what the step writes: one copy
	p.state.planned[t.write] = data
	p.addWrite(step{result: r, log: "      inject: " + p.logPath(to, t.abs), write: t.write, data: data, warning: warning})
	return nil
}

// apply carries out the plan that begins with steps, planning the rest of
// it after each command (planner.stepwise), until every file is done or
// the run stops at an unanswered question (planner.stopped). In a dry run
// (tx nil) nothing is written or executed, but every line is printed as
// hygen prints it.
func (e *Engine) apply(ctx context.Context, p *planner, files []renderedFile, steps []step, tx *atomicfile.Tx) ([]OpResult, error) {
	results := make([]OpResult, 0, len(steps))
	shellRan := false
	for {
		var err error
		results, err = e.applySteps(ctx, steps, tx, results, &shellRan)
		if err != nil || p.stopped || p.done(files) {
			return results, err
		}
		if tx != nil {
			if err := e.lockTargets(ctx, tx, p, files); err != nil {
				return results, err
			}
		}
		if steps, err = p.plan(files); err != nil && !p.stopped {
			return results, err
		}
	}
}

// applySteps carries out steps, appending what each did to results. Every
// file is staged first, so a file that cannot be written (a folder it
// needs is a file, the disk is full) fails the run before anything is
// replaced; what was staged or created is then removed, unless a command
// has run (*shellRan), since what it did cannot be undone.
func (e *Engine) applySteps(ctx context.Context, steps []step, tx *atomicfile.Tx, results []OpResult, shellRan *bool) ([]OpResult, error) {
	stdout, stderr := outputs(ctx, e.cfg)
	staged := make([]atomicfile.Staged, len(steps))
	skip := superseded(steps)
	rollback := func() {
		if !*shellRan {
			tx.Rollback()
		}
	}
	if tx != nil {
		for i := range steps {
			s := &steps[i]
			if s.write == "" || skip[i] {
				continue
			}
			if ctx.Err() != nil {
				// A signal while staging (hundreds of large files take
				// seconds): nothing is replaced yet, so the run stops here
				// and removes its temporaries, before the signal's grace
				// runs out and the process ends with them on disk.
				rollback()
				return results, context.Cause(ctx)
			}
			var err error
			if staged[i], err = tx.Stage(s.write, s.data); err != nil {
				rollback()
				e.cfg.Observer.OpDone(ctx, s.result, time.Now(), err)
				return results, &TemplateError{File: s.result.Template, Err: err}
			}
		}
	}
	// A caller's writer or observer that panics between two renames must
	// not leave a run half-applied: what was replaced is put back, as on
	// an error, and the panic goes on.
	defer func() {
		if r := recover(); r != nil {
			if tx != nil {
				rollback()
			}
			panic(r)
		}
	}()
	committed := 0 // files written since the last command, which a rollback puts back
	for i := range steps {
		s := &steps[i]
		start := time.Now()
		if tx != nil {
			var err error
			switch {
			case s.shell != "":
				// What came before is committed: the command sees it, and
				// no lock file or folder made for a lock.
				tx.Release()
				*shellRan = true
				err = e.runShell(ctx, s)
			case s.write != "" && !skip[i]:
				if err = tx.Commit(staged[i]); err == nil {
					committed++
				}
			}
			if err != nil {
				if committed > 0 && !*shellRan {
					// They were reported as written: say they are not.
					err = fmt.Errorf("%w (the %d file(s) written before it were put back as they were)", err, committed)
				}
				rollback()
				e.cfg.Observer.OpDone(ctx, s.result, start, err)
				return results, &TemplateError{File: s.result.Template, Err: err}
			}
		}
		if s.warning != "" {
			fmt.Fprintf(stderr, "hypergen: warning: %s: %s\n", s.result.Template, s.warning)
		}
		if s.log != "" {
			fmt.Fprintln(stdout, s.log)
		}
		e.cfg.Observer.OpDone(ctx, s.result, start, nil)
		results = append(results, s.result)
	}
	return results, nil
}

// superseded marks the writes a later step rewrites with no command in
// between, such as several injects into one barrel file: the file is
// staged and renamed once, with its last content, which holds theirs (each
// step's data is the whole file as planned after it). Nothing could read
// the content in between, so only the number of renames changes: each
// replaces a file, which some file systems make wait for the disk (ext4
// mounted with discard and no journal frees the replaced file's blocks
// with a synchronous discard), and a durable run flushes each.
func superseded(steps []step) []bool {
	skip := make([]bool, len(steps))
	later := map[string]bool{} // written further on, before any command
	for i := len(steps) - 1; i >= 0; i-- {
		s := &steps[i]
		switch {
		case s.shell != "":
			clear(later)
		case s.write != "":
			skip[i] = later[s.write]
			later[s.write] = true
		}
	}
	return skip
}

// shellEnv is the environment of the run's commands: hypergen's own, with
// what .hygen.js, the hook and the templates did to process.env (nil when
// they did nothing), as a command hygen runs inherits Node's changed
// environment. hygen renders every file before it runs the first command,
// so a command sees what any template of the action assigned, a later
// file's too.
func (p *planner) shellEnv() ([]string, error) {
	var set map[string]string
	var unset []string
	var err error
	if p.inv.script != nil {
		set, unset, err = p.inv.script.vm.EnvChanges()
	} else {
		set, unset, err = p.inv.js.EnvChanges()
	}
	if len(set) == 0 && len(unset) == 0 || err != nil {
		return nil, err
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if _, changed := set[k]; !changed && !slices.Contains(unset, k) {
			env = append(env, kv)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(set)) {
		env = append(env, k+"="+set[k])
	}
	return env, nil
}

// configExec is .hygen.js's exec, which hygen runs commands with.
func (p *planner) configExec() func(command, input string) error {
	if p.inv.script == nil {
		return nil
	}
	return p.inv.script.vm.Exec(p.inv.script.config)
}

func (e *Engine) runShell(ctx context.Context, s *step) error {
	if s.exec != nil {
		if err := s.exec(s.shell, s.input); err != nil && !s.ignore {
			// hygen logs what the exec threw's stderr is, as for its own.
			var ee *jsrt.ExecError
			if errors.As(err, &ee) {
				out, _ := outputs(ctx, e.cfg)
				fmt.Fprintln(out, ee.Stderr)
			}
			return fmt.Errorf("sh %q failed: %w", s.shell, err)
		}
		return nil
	}
	line := execaCommand(s.shell)
	if line == "" {
		if s.ignore {
			return nil
		}
		return fmt.Errorf("sh %q failed: there is no command to run", s.shell)
	}
	cmd := procgroup.Command(ctx, e.cfg.Shell, "-c", line)
	cmd.Dir = e.cfg.Cwd // hygen's too, whatever cwd .hygen.js sets
	cmd.Env = s.env
	if s.input != "" {
		cmd.Stdin = strings.NewReader(s.input)
	}
	stderr := capped.NewBudget(shellStderrMax, nil).Buffer()
	cmd.Stderr = stderr
	if err := cmd.Run(); err != nil && !s.ignore {
		// hygen logs the failed command's stderr (execa's, one final line
		// break stripped) as a line of its output, on stdout, even when
		// it is empty.
		cause := context.Cause(ctx)
		if msg := bytes.TrimSuffix(bytes.TrimSuffix(stderr.Bytes(), []byte("\n")), []byte("\r")); cause == nil || len(msg) > 0 {
			out, _ := outputs(ctx, e.cfg)
			_, _ = out.Write(msg)
			_, _ = out.Write([]byte{'\n'}) // not appended: a copy of up to 100 MB
		}
		if cause != nil {
			// The run was stopped (a signal, its deadline, its caller), and
			// the command with it: that is what to say, not the signal
			// the shell got.
			return fmt.Errorf("sh %q stopped: %w", s.shell, cause)
		}
		return fmt.Errorf("sh %q failed: %w", s.shell, err)
	}
	return nil
}

// shellStderrMax is as much of an sh: command's stderr as is kept: execa's
// maxBuffer, hygen's bound. 1.5 GB of it ended the process out of memory.
const shellStderrMax = 100_000_000

// execaCommand is the command line hygen's default exec hands to the shell.
// It runs sh: through execa.command (execa 5), which trims the text, splits
// it at runs of spaces and joins a word ending in a backslash to the next
// with one space, dropping the backslash; Node then joins the words with
// single spaces for /bin/sh -c. So `echo "  - x"` writes " - x", and
// `touch my\ docs/a` runs as `touch my docs/a`. Spaces only: tabs and
// newlines inside the text stay. Blank text has no command left.
func execaCommand(s string) string {
	var words []string
	for _, w := range strings.Split(strings.TrimFunc(s, jsvalue.IsSpace), " ") {
		if w == "" {
			continue // a run of spaces is one separator
		}
		if n := len(words); n > 0 && strings.HasSuffix(words[n-1], `\`) {
			words[n-1] = strings.TrimSuffix(words[n-1], `\`) + " " + w
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// askOverwrite asks once per target and run: through the project's
// prompter when .hygen.js gives one (createPrompter), as hygen does, or
// else through Config.Prompt; without either (stdin not a terminal) the
// answer is no, as with hygen.
func (p *planner) askOverwrite(to string) (bool, error) {
	question := "     exists: " + to + ". Overwrite? (y/N): "
	if s := p.inv.script; s != nil && s.vm.HasProjectPrompter() {
		ans, err := s.vm.AskOverwrite(question)
		if err != nil {
			return false, fmt.Errorf("asking whether to overwrite %s: %w", to, err)
		}
		return ans, nil
	}
	if p.e.cfg.Prompt == nil {
		return false, nil
	}
	ans, err := p.e.cfg.Prompt(question)
	if err != nil {
		return false, fmt.Errorf("asking whether to overwrite %s: %w", to, err)
	}
	return ans, nil
}
