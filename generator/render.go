package generator

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/frontmatter"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/liquidtmpl"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
	"github.com/hypergen-dev/hypergen/parallel"
)

// IsLiquid reports whether a template file, with the text it holds, is a
// Liquid template (Hypergen's addition): its name ends in .liquid or
// .liquid.t and its text holds no EJS tag. A hygen tree that writes Liquid
// files (a Shopify theme's sections) names its templates so as well, and
// hygen renders every file with EJS: `to: sections/<%= name %>.liquid`
// says which kind of file it is.
func IsLiquid(file, text string) bool {
	return (strings.HasSuffix(file, ".liquid") || strings.HasSuffix(file, ".liquid.t")) && !strings.Contains(text, "<%")
}

// renderedFile is one template after rendering: its attributes (string values
// rendered) and its body.
type renderedFile struct {
	path  string // absolute template path
	attrs *jsvalue.Object
	body  string
}

// renderAll reads, parses and renders every file. Rendering has no side
// effects, so files render concurrently; results keep the input order, and
// the error reported is the one of the earliest failing file.
func (e *Engine) renderAll(ctx context.Context, inv *invocation, files []string) ([]renderedFile, error) {
	defaults := inv.defaults
	base, err := templateContext(inv.args, defaults)
	if err != nil {
		return nil, &TemplateError{File: e.displayPath(inv.folder), Err: err}
	}
	// A body's locals have its rendered attributes among the run's own,
	// before the Name, names and Names derived from them, as hygen orders
	// them (Object.keys(locals) shows it); each file sets the value.
	withAttrs := inv.args.Clone()
	withAttrs.Set("attributes", nil)
	bodyBase, err := templateContext(withAttrs, defaults)
	if err != nil {
		return nil, &TemplateError{File: e.displayPath(inv.folder), Err: err}
	}
	contexts := runContexts{frontmatter: base, body: bodyBase}
	limit := e.cfg.Parallelism
	if inv.script != nil {
		limit = 1 // one VM, and project helpers see hygen's order
	}
	// Files that render in parallel hold what they print and report until
	// it is known whether the action renders again in order (below).
	parallelPass := min(limit, len(files)) > 1
	if parallelPass {
		inv.held.hold(ctx, len(files))
	}
	second := false // the ordered pass, which prints as it goes
	render := func(limit int) ([]renderedFile, error) {
		return parallel.Map(ctx, limit, files, func(ctx context.Context, i int, f string) (renderedFile, error) {
			ev := FileEvent{Template: e.displayPath(f), Start: time.Now()}
			var console *heldOutput
			if parallelPass && !second {
				console = inv.held.output(i)
			}
			r, err := e.renderFile(ctx, f, inv, contexts, &ev, console)
			ev.Bytes, ev.Err = len(r.body), err
			if parallelPass {
				inv.held.report(ctx, i, ev, second)
			} else {
				e.cfg.Observer.FileDone(ctx, ev)
			}
			return r, err
		})
	}
	out, err := render(limit)
	var made bool
	if parallelPass && ctx.Err() == nil && !stoppedByLimit(err) {
		var merr error
		if made, merr = inv.js.GlobalsMade(); merr != nil && err == nil {
			out, err = nil, merr
		}
	}
	if made {
		// A template made a global (or changed process.env), which hygen,
		// rendering the files one after another in one runtime, shows
		// every later template; here only those that shared its runtime
		// saw it, in no fixed order. So all render again that way, on a
		// fresh runtime, printing as they go. The first pass's events
		// (times, cache use) stand for the files, as its compiles do for
		// the second, with the second's outcomes.
		inv.js = inv.js.Fresh()
		second = true
		inv.held.orderedPass()
		out, err = render(1)
	}
	if parallelPass {
		inv.held.release()
	}
	if err != nil {
		// Report the earliest file's error, as a sequential run would meet it.
		var first *parallel.ItemError
		if errors.As(err, &first) {
			return nil, first.Err
		}
		return nil, err
	}
	return out, nil
}

// stoppedByLimit reports whether err is a template stopped by its time or
// memory limit, which a second pass would only meet again.
func stoppedByLimit(err error) bool {
	var te *jsrt.TimeoutError
	var me *jsrt.MemoryError
	return errors.As(err, &te) || errors.As(err, &me)
}

// runContexts are a run's template locals, made once for all its files.
type runContexts struct{ frontmatter, body *jsvalue.Object }

// renderFile reads, parses and renders one template, timing each step in
// ev. console, if not nil, holds what the file's scripts print.
func (e *Engine) renderFile(ctx context.Context, file string, inv *invocation, base runContexts, ev *FileEvent, console *heldOutput) (renderedFile, error) {
	raw, err := regularfile.ReadFile(file)
	ev.Read = time.Since(ev.Start)
	if err != nil {
		ev.Failed = StepRead
		return renderedFile{}, &TemplateError{File: e.displayPath(file), Err: err}
	}
	text := nodeString(raw)
	parseStart := time.Now()
	attrs, split, err := frontmatter.Parse(text)
	ev.Parse = time.Since(parseStart)
	if err != nil {
		ev.Failed = StepParse
		var se *frontmatter.SyntaxError
		if errors.As(err, &se) {
			return renderedFile{}, &TemplateError{File: e.displayPath(file), Line: se.Line, Err: errors.New("invalid YAML frontmatter: " + se.Msg)}
		}
		return renderedFile{}, &TemplateError{File: e.displayPath(file), Err: err}
	}
	var vm *jsrt.VM
	if inv.script != nil {
		vm = inv.script.vm // a scripted run keeps one VM, as Node has one realm
	} else {
		vm = inv.js.Get()
		defer inv.js.Put(vm)
	}
	if console != nil {
		defer vm.Redirect(console.writers())()
	}

	liquid := IsLiquid(file, text)
	rendered := jsvalue.NewObject()
	for _, k := range attrs.Keys() {
		v, _ := attrs.Get(k)
		if s, ok := v.(string); ok {
			locals, err := withHelpers(inv, base.frontmatter, inv.args)
			if err != nil {
				ev.Failed = StepRender // the project's helpers function
				return renderedFile{}, &TemplateError{File: e.displayPath(file), Err: err}
			}
			out, err := e.render(ctx, vm, inv, file, liquid, s, locals, ev)
			if err != nil {
				return renderedFile{}, e.templateError(file, 0, "frontmatter "+k, err)
			}
			v = out
		}
		rendered.Set(k, v)
	}
	bodyCtx := base.body.Clone()
	bodyCtx.Set("attributes", rendered)
	if inv.script != nil {
		raw := inv.args.Clone()
		raw.Set("attributes", rendered)
		if bodyCtx, err = withHelpers(inv, bodyCtx, raw); err != nil {
			ev.Failed = StepRender
			return renderedFile{}, &TemplateError{File: e.displayPath(file), Err: err}
		}
	}
	body, err := e.render(ctx, vm, inv, file, liquid, split.Body, bodyCtx, ev)
	if err != nil {
		return renderedFile{}, e.templateError(file, split.BodyLine-1, "", err)
	}
	return renderedFile{path: file, attrs: rendered, body: body}, nil
}

// nodeString decodes a file's bytes as hygen does (Node's
// buffer.toString()): each maximal ill-formed UTF-8 subsequence becomes one
// U+FFFD, so a stray byte renders as a replacement character instead of
// failing the run.
func nodeString(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	// The decoder replaces what it cannot decode; it has no error to give.
	out, _ := unicode.UTF8.NewDecoder().Bytes(b)
	return string(out)
}

// withHelpers gives locals the project's helpers on a scripted run; raw is
// what hygen hands a helpers function (args, before defaults and derived
// names). Other runs use the runtime's own h.
func withHelpers(inv *invocation, locals, raw *jsvalue.Object) (*jsvalue.Object, error) {
	if inv.script == nil || inv.script.config == nil {
		return locals, nil
	}
	h, err := inv.script.helpersFor(raw)
	if err != nil {
		return nil, err
	}
	out := locals.Clone()
	out.Set("h", h)
	return out, nil
}

// render compiles (or finds in the cache) and runs one EJS text of file,
// adding the time spent to ev, and the step that failed if one did.
// Liquid templates (IsLiquid) render with Liquid instead.
func (e *Engine) render(ctx context.Context, vm *jsrt.VM, inv *invocation, file string, liquid bool, text string, locals *jsvalue.Object, ev *FileEvent) (string, error) {
	start := time.Now()
	if s, ok := locals.Get("scope"); ok && jsvalue.Truthy(s) {
		vm.WarnScopeOption() // hygen renders every text with ejs, which warns whatever the text holds
	}
	if liquid {
		src := liquidtmpl.Source{File: file, Dirs: []string{inv.templatesDir, inv.cwd}, CheckInclude: e.liquidIncludeCheck(inv), Stuck: inv.held.stuck}
		out, err := e.liquid.Render(ctx, e.regexLimit(), src, text, locals)
		ev.Render += time.Since(start)
		ev.Failed = StepRender
		return out, err
	}
	if v, ok := locals.Get("async"); ok && jsvalue.Truthy(v) {
		ev.Failed = StepCompile // ejs refuses the option as it compiles
		return "", errAsyncLocal
	}
	opts := ejsOptions(locals)
	if ejs.Literal(text, opts) {
		// Text without tags (a plain "to:" path, a static file) renders to
		// itself: compiling it would cost a cold run a goja parse and compile.
		ev.Render += time.Since(start)
		return text, nil
	}
	t, hit, err := e.cache.Lookup(text, opts)
	compiled := time.Now()
	ev.Compile += compiled.Sub(start)
	if hit {
		ev.Cached++
	} else {
		ev.Compiled++
	}
	if err != nil {
		ev.Failed = StepCompile
		return "", err
	}
	out, err := vm.Render(ctx, t, locals)
	ev.Render += time.Since(compiled)
	ev.Failed = StepRender
	return out, err
}

// liquidIncludeCheck confines the files a Liquid include reads as `from:`
// files are confined (readRoots). EJS's include() keeps ejs's rules (see
// jsPool), which hygen's templates rely on; Liquid templates are
// hypergen's own.
func (e *Engine) liquidIncludeCheck(inv *invocation) func(string) error {
	roots := e.readRoots(inv)
	if roots == nil {
		return nil
	}
	return func(file string) error {
		if !insideAny(roots, realPath(file)) {
			return outsidef("the file is %s", e.outsideReadRoots())
		}
		return nil
	}
}

// readRoots are the folders, resolved, that a run's templates may read
// files from (from: files, Liquid includes): the templates root and the
// project; the templates root alone for a confined request, which reads
// templates, not the project's other files; nil, anywhere, with
// AllowOutside.
func (e *Engine) readRoots(inv *invocation) []string {
	switch {
	case e.cfg.ConfineTemplates:
		return []string{inv.realTemplates.resolved()}
	case e.cfg.AllowOutside:
		return nil
	}
	return []string{inv.realTemplates.resolved(), inv.realCwd}
}

// outsideReadRoots says where a file outside readRoots is.
func (e *Engine) outsideReadRoots() string {
	if e.cfg.ConfineTemplates {
		return "outside the templates root"
	}
	return "outside the templates root and the project"
}

func insideAny(dirs []string, p string) bool {
	for _, d := range dirs {
		if insideDir(d, p) {
			return true
		}
	}
	return false
}

// errAsyncLocal refuses a truthy "async" local. ejs takes it as its async
// option, as it takes the others ejsOptions reads, and then renders every
// text, plain ones too, as a Promise; hygen fails on the first one it uses
// as a path or writes. So does hypergen, with an error that says why.
var errAsyncLocal = errors.New(`the local "async" is set, which ejs takes as its async option (hygen's ejs reads its options from the locals): ` +
	`every text would render as a Promise, which hygen cannot write and fails on; give the value another name`)

// ejsOptions reads the ejs options hidden in locals: hygen calls ejs.render
// with no options object, so ejs copies these names from the data. Only the
// options that change the output are honoured.
func ejsOptions(locals *jsvalue.Object) ejs.Options {
	var o ejs.Options
	if d, ok := locals.Get("delimiter"); ok && jsvalue.Truthy(d) {
		o.Delimiter = jsvalue.ToString(d)
	}
	if v, ok := locals.Get("rmWhitespace"); ok {
		o.RmWhitespace = jsvalue.Truthy(v)
	}
	if v, ok := locals.Get("strict"); ok {
		o.Strict = jsvalue.Truthy(v)
	}
	if v, ok := locals.Get("_with"); ok {
		o.NoWith = v == false
	}
	return o
}

// templateError locates a render error in the template file: lineOffset is
// the number of file lines before the rendered text; where names the
// frontmatter key for attribute errors.
func (e *Engine) templateError(file string, lineOffset int, where string, err error) error {
	te := &TemplateError{File: e.displayPath(file), Err: err}
	var je *jsrt.Error
	var le *liquidtmpl.Error
	line, msg := 0, ""
	switch {
	case errors.As(err, &je):
		line, msg = je.Line, je.Msg
	case errors.As(err, &le):
		line, msg = le.Line, le.Msg
	default:
		return te
	}
	var cause error
	switch {
	case je != nil && je.Err != nil:
		cause = je.Err // a bound that stopped the template stays reachable with errors.As
	case le != nil:
		cause = le // its message is msg, and what it came from stays reachable
	default:
		cause = errors.New(msg)
	}
	te.Err = cause
	if where != "" {
		te.Err = fmt.Errorf("%s: %w", where, cause)
	} else if line > 0 {
		te.Line = line + lineOffset
	}
	return te
}

// displayPath shows a path relative to the project where it is inside it.
// A template of a labelled root (the built-in generators, written to a
// temporary folder gone when the message is read) is named by the label.
func (e *Engine) displayPath(p string) string {
	if rel, err := filepath.Rel(e.cfg.Cwd, p); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	if e.cfg.TemplatesLabel != "" {
		if rel, err := filepath.Rel(e.cfg.Templates, p); err == nil && filepath.IsLocal(rel) {
			return e.cfg.TemplatesLabel + ": " + filepath.ToSlash(rel)
		}
	}
	return p
}
