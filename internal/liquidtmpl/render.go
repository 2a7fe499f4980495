package liquidtmpl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/osteele/liquid"
	"github.com/osteele/liquid/expressions"
	"github.com/osteele/liquid/render"
	"github.com/osteele/liquid/values"

	"github.com/hypergen-dev/hypergen/internal/inflect"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// Renderer parses and renders Liquid templates. It is safe for concurrent
// use; each distinct text is parsed once.
type Renderer struct {
	once      sync.Once
	engine    *liquid.Engine
	loopCheck render.Node // rendered first in every loop iteration: see guardLoops
	parsed    sync.Map    // text -> *parsed
}

type parsed struct {
	once sync.Once
	t    *liquid.Template
	err  error
}

// Error is a Liquid template that failed to parse or render, with the
// template line where known, and the error it came from, if any (a tag's
// or a filter's, such as an include the caller refused).
type Error struct {
	Line int
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the error the Liquid error came from.
func (e *Error) Unwrap() error { return e.Err }

func (r *Renderer) init() {
	r.engine = liquid.NewEngine()
	for name, f := range filters() {
		// The input as the EJS helpers would get it: an array or object is
		// String()ed as JavaScript does ("a,b", "[object Object]"), not
		// printed in Go's syntax. nil, an undefined variable, is "", as
		// Liquid prints it.
		r.engine.RegisterFilter(name, func(v any) string {
			if v == nil {
				return f("")
			}
			return f(jsvalue.ToString(jsData(v)))
		})
	}
	for name, f := range liquidFilters() {
		r.engine.RegisterFilter(name, f)
	}
	r.engine.RegisterFilter(loopFilter, loopItems)
	r.engine.RegisterFilter(propFilter, prop)
	r.engine.RegisterFilter(emptyFilter, isEmpty)
	r.engine.RegisterFilter(blankFilter, isBlank)
	r.engine.RegisterFilter(compareFilter, compare)
	r.engine.RegisterTag("include", r.include)
	r.engine.RegisterTag(outputTag, output)
	r.engine.RegisterTag("echo", output)
	r.engine.RegisterTag("increment", counter(1))
	r.engine.RegisterTag("decrement", counter(-1))
	root, err := r.engine.ParseString("{{ " + stopBinding + " }}")
	if err != nil {
		panic(err) // a bug: the text above is fixed
	}
	r.loopCheck = root.GetRoot()
}

// Source says where a text comes from, for the files its includes name.
type Source struct {
	// File is the template the text is from: an include's relative name
	// is looked for in its folder first (with no File, in the working
	// directory).
	File string
	// Dirs are where a relative name is looked for next, in order (the
	// templates root, the project).
	Dirs []string
	// CheckInclude, if set, is asked about every file an include could
	// name, before it is looked at; its error refuses that file.
	CheckInclude func(file string) error
	// Stuck, if set, is called as jsrt.Limits.Stuck is: when the render,
	// stopped by its time limit, is still running jsrt.StuckGrace later,
	// holding one of the process's Liquid slots. What it returns, if not
	// nil, is called when the render ends after all.
	Stuck func(err error) (ended func())
}

// find is the file an include's name leads to: the first of its places
// that CheckInclude allows and that exists. When none does, a place refused
// in a folder that is not (the name leads out of it, by ".." or a link) is
// the error, CheckInclude's: the include is for a file where the run may
// not read, as an absolute name there is, whether or not the file exists.
func (s Source) find(name string) (string, error) {
	type place struct{ file, dir string } // dir: where file was looked for by a relative name
	places := []place{{file: name}}
	if !filepath.IsAbs(name) {
		dir := filepath.Dir(s.File)
		places = []place{{filepath.Join(dir, name), dir}}
		for _, d := range s.Dirs {
			places = append(places, place{filepath.Join(d, name), d})
		}
	}
	var refused, leadsOut error
	looked := false
	for _, p := range places {
		if s.CheckInclude != nil {
			// Before the file is looked at, so a refused place says
			// nothing of what exists where the template may not look.
			if err := s.CheckInclude(p.file); err != nil {
				refused = err
				if leadsOut == nil && p.dir != "" && s.CheckInclude(p.dir) == nil {
					leadsOut = fmt.Errorf("%s: %w", p.file, err)
				}
				continue
			}
		}
		looked = true
		if _, err := os.Stat(p.file); err == nil {
			return p.file, nil
		}
	}
	switch {
	case leadsOut != nil:
		return "", leadsOut
	case !looked:
		return "", refused
	case refused != nil:
		return "", errors.New("not found where this run may read it")
	}
	if len(places) == 1 {
		return "", fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	return "", errors.New("not found in the template's folder, nor in the templates root or the project")
}

// maxIncludeDepth bounds includes within includes, as EJS's include() is
// bounded: each level renders on the Go stack, so a file that includes
// itself would grow it until the process dies, an agent with it.
const maxIncludeDepth = 64

// includeKey is the binding that carries a render's includeState to the
// include tag. No Liquid expression can name it.
const includeKey = "\x00include"

// includeState is what an include is made from: the render's context (an
// include after it ended stops the render, so one left running past its
// limit ends at its next include), the including text's Source and how
// deep in includes it is.
type includeState struct {
	ctx   context.Context
	src   Source
	depth int
}

// errStopped ends a render that goes on after its Render returned.
var errStopped = errors.New("the render was stopped (its time limit passed, or its run ended)")

// renderStop is what the loop check reads (stopBinding): the render's
// context, which ends when its Render returns. A render left running on
// its own goroutine then ends at its next loop iteration (guardLoops) or
// include; nothing else in a template repeats, so without a loop a
// render's work is bounded by its text. It is a binding of every render,
// since nothing else of the render reaches a Liquid expression, and a
// drop: osteele/liquid calls ToLiquid for its value when an output names
// it.
type renderStop struct{ ctx context.Context }

// ToLiquid stops the render once its context has ended, by the one panic
// osteele/liquid turns into the expression's error, ending the loop the
// check is in and the render with it. Until then it gives nil, which
// prints nothing and leaves whitespace control as it was. A filter would
// do the same for several times the cost: a 10,000-iteration loop took
// 86 % longer with one, called through reflection.
func (s renderStop) ToLiquid() any {
	if s.ctx != nil && s.ctx.Err() != nil {
		panic(expressions.InterpreterError(errStopped.Error()))
	}
	return nil
}

// stopBinding names the renderStop in a render's bindings. A template
// could name it too, but has no reason to; it prints nothing.
const stopBinding = "__hypergen_render_stop"

// guardLoops puts check first in the body of every for and tablerow loop
// under n, so that each iteration checks whether the render was stopped.
// osteele/liquid has no way to stop a render from outside, and an empty
// loop over a large range calls nothing of ours: without this, a loop
// left running past its limit ran to its end, taking a core, and one
// inside {% capture %} (rendered into a buffer of osteele/liquid's own)
// grew its text until the process ran out of memory. The check is an
// output, {{ }}, whose nil value writes nothing: a tag would write an
// empty string, which clears or flushes what whitespace control holds
// back. It costs an iteration two allocations and about a tenth more
// time: a 10,000-iteration loop printing its index took 6.0 ms without it
// and 6.7 ms with it (medians of ten runs each).
func guardLoops(n, check render.Node) {
	switch n := n.(type) {
	case *render.SeqNode:
		for _, c := range n.Children {
			guardLoops(c, check)
		}
	case *render.BlockNode:
		for _, c := range n.Body {
			guardLoops(c, check)
		}
		for _, c := range n.Clauses {
			guardLoops(c, check)
		}
		if n.Name == "for" || n.Name == "tablerow" {
			n.Body = append([]render.Node{check}, n.Body...)
		}
	}
}

// include replaces osteele/liquid's tag, which looks for the file next to
// the outermost template whatever the depth, reads any path, and recurses
// without bound: here a name is found as Source.find says, the caller's
// CheckInclude confines it, and the depth is bounded. The
// included text sees the includer's variables; what it assigns stays in it.
func (r *Renderer) include(c render.Context) (string, error) {
	st, _ := c.Get(includeKey).(*includeState)
	if st == nil {
		return "", errors.New("include: not inside a render") // cannot happen: Render sets it
	}
	if err := st.ctx.Err(); err != nil {
		return "", fmt.Errorf("include: %w", context.Cause(st.ctx))
	}
	v, err := c.EvaluateString(c.TagArgs())
	if err != nil {
		return "", err
	}
	name, ok := v.(string)
	if !ok || name == "" {
		return "", fmt.Errorf("include wants the name of a file, got %v", v)
	}
	if st.depth >= maxIncludeDepth {
		return "", fmt.Errorf("include %q: includes nested more than %d deep", name, maxIncludeDepth)
	}
	file, err := st.src.find(name)
	if err == nil {
		// What process.env leaves out, a template may not print either,
		// wherever it may read.
		err = regularfile.CheckEnviron(file)
	}
	if err != nil {
		return "", fmt.Errorf("include %q: %w", name, err)
	}
	text, err := regularfile.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("include %q: %w", name, err)
	}
	t, err := r.parse(string(text))
	if err == nil {
		b := maps.Clone(c.Bindings())
		src := st.src
		src.File = file
		b[includeKey] = &includeState{ctx: st.ctx, src: src, depth: st.depth + 1}
		var out string
		if out, err = r.run(t, b); err == nil {
			return out, nil
		}
	}
	var le *Error
	if errors.As(err, &le) && le.Line > 0 {
		msg := strings.TrimPrefix(le.Msg, "Liquid: ")
		if strings.HasPrefix(msg, "include ") {
			// Already located by the include that failed; repeating every
			// level above it (osteele/liquid adds "in {% include … %}" at
			// each) would say nothing more.
			msg, _, _ = strings.Cut(msg, " in {% include ")
			return "", errors.New(msg)
		}
		return "", fmt.Errorf("include %q: %s:%d: %s", name, file, le.Line, msg)
	}
	return "", fmt.Errorf("include %q: %s: %w", name, file, err)
}

// filters are the change-case and inflection helpers, by their h names.
func filters() map[string]func(string) string {
	f := map[string]func(string) string{
		"camelCase":      func(s string) string { return inflect.Camel(s, false) },
		"pascalCase":     func(s string) string { return inflect.Pascal(s, false) },
		"snakeCase":      inflect.Snake,
		"paramCase":      inflect.Param,
		"kebabCase":      inflect.Param,
		"constantCase":   inflect.Constant,
		"dotCase":        inflect.Dot,
		"pathCase":       inflect.Path,
		"titleCase":      inflect.Title,
		"sentenceCase":   inflect.Sentence,
		"headerCase":     inflect.Header,
		"noCase":         inflect.No,
		"swapCase":       inflect.Swap,
		"lowerCase":      inflect.Lower,
		"upperCase":      inflect.Upper,
		"upperCaseFirst": inflect.UpperFirst,
		"lowerCaseFirst": inflect.LowerFirst,
		"pluralize":      func(s string) string { return inflect.Pluralize(s) },
		"singularize":    func(s string) string { return inflect.Singularize(s) },
		"camelize":       func(s string) string { return inflect.Camelize(s, false) },
		"underscore":     func(s string) string { return inflect.Underscore(s, false) },
		"humanize":       func(s string) string { return inflect.Humanize(s, false) },
		"titleize":       inflect.Titleize,
		"tableize":       inflect.Tableize,
		"classify":       inflect.Classify,
		"dasherize":      inflect.Dasherize,
		"ordinalize":     inflect.Ordinalize,
	}
	return f
}

// slots holds one token per Liquid render running in the process, at most
// GOMAXPROCS (as the process first saw it). A render gives its token back
// when it ends, which for one past its limit is later than its Render
// returns: see Render.
var slots = sync.OnceValue(func() chan struct{} { return make(chan struct{}, runtime.GOMAXPROCS(0)) })

// running counts the renders holding a token, and peak the most at once:
// what the tests check the bound with.
var running, peak atomic.Int64

// Render renders text with locals as its variables, returning when ctx
// ends or limit has passed (jsrt.DefaultTimeout if it is not above 0), with
// a *jsrt.TimeoutError for the latter. osteele/liquid cannot be stopped
// from outside, so a render past its limit is left on its own goroutine,
// where it ends at its next loop iteration or include (one step that runs
// long, a filter over a huge value, runs to its end).
// At most GOMAXPROCS renders run at once in a process, those included: a
// render waits for one of them to end, within the same limit, so a
// long-lived process (the agent) cannot be made to burn more than its
// cores. A CLI run exits with the error, ending the render.
func (r *Renderer) Render(ctx context.Context, limit time.Duration, src Source, text string, locals *jsvalue.Object) (string, error) {
	if ctx.Err() != nil {
		return "", fmt.Errorf("Liquid: %w", context.Cause(ctx))
	}
	if limit <= 0 {
		limit = jsrt.DefaultTimeout
	}
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case slots() <- struct{}{}:
	case <-ctx.Done():
		return "", fmt.Errorf("Liquid: %w", context.Cause(ctx))
	case <-timer.C:
		return "", fmt.Errorf("Liquid: waiting for one of the %d Liquid renders still running (some ran past their time limit) to end: %w", cap(slots()), &jsrt.TimeoutError{Limit: limit})
	}
	// Ended when Render returns, so that a render left running stops at
	// its next loop iteration or include.
	renderCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The bindings are this render's own: one left running shares nothing.
	bindings := make(map[string]any, locals.Len()+2)
	var conv converter
	for _, k := range locals.Keys() {
		v, _ := locals.Get(k)
		bindings[k] = conv.toGo(v)
	}
	bindings[includeKey] = &includeState{ctx: renderCtx, src: src}
	bindings[stopBinding] = renderStop{renderCtx}
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	ended := make(chan struct{})
	go func() {
		n := running.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		out, err := r.render(text, bindings)
		conv.release()
		running.Add(-1)
		<-slots()
		done <- result{out, err}
		close(ended)
	}()
	// abandon returns err, leaving the render to end by itself, and tells
	// src.Stuck if it has not by stuckGrace after why stopped it.
	abandon := func(why, err error) (string, error) {
		if src.Stuck != nil {
			go watchStuck(ended, src.Stuck, why)
		}
		return "", err
	}
	// The heap is checked as JavaScript's is (jsrt.Limits.Memory): a
	// string doubling itself in a loop grew to 1.6 GB before a 5 s time
	// limit stopped it.
	heap := time.NewTicker(jsrt.MemoryCheckEvery)
	defer heap.Stop()
	for {
		select {
		case res := <-done:
			return res.out, res.err
		case <-heap.C:
			if over := (jsrt.Limits{}).HeapOverLimit(); over != nil {
				return abandon(over, fmt.Errorf("Liquid: %w", over))
			}
		case <-ctx.Done():
			err := fmt.Errorf("Liquid: %w", context.Cause(ctx))
			return abandon(err, err)
		case <-timer.C:
			timeout := &jsrt.TimeoutError{Limit: limit}
			return abandon(timeout, fmt.Errorf("Liquid: %w", timeout))
		}
	}
}

// stuckGrace is jsrt.StuckGrace, shorter in tests.
var stuckGrace = jsrt.StuckGrace

// watchStuck tells stuck about a render its time limit or its context
// stopped that is still running stuckGrace later (one step that runs long,
// keeping its slot), and calls what stuck returned when the render ends.
// why is what stopped it.
func watchStuck(ended <-chan struct{}, stuck func(error) func(), why error) {
	grace := time.NewTimer(stuckGrace)
	defer grace.Stop()
	select {
	case <-ended:
		return
	case <-grace.C:
	}
	done := stuck(&jsrt.StuckError{Err: fmt.Errorf("a Liquid render: %w", why), In: "one step of a Liquid template (a filter, or an include being looked for)"})
	<-ended
	if done != nil {
		done()
	}
}

func (r *Renderer) render(text string, bindings map[string]any) (string, error) {
	t, err := r.parse(text)
	if err != nil {
		return "", err
	}
	return r.run(t, bindings)
}

// parse parses text, once per distinct text.
func (r *Renderer) parse(text string) (*liquid.Template, error) {
	r.once.Do(r.init)
	v, _ := r.parsed.LoadOrStore(text, &parsed{})
	p := v.(*parsed)
	p.once.Do(func() {
		defer func() {
			if v := recover(); v != nil {
				p.t, p.err = nil, enginePanic(v)
			}
		}()
		edits, err := checkTags(text)
		if err != nil {
			p.err = err
			return
		}
		// Line 1 first: ParseString would count lines from 0.
		t, perr := r.engine.ParseTemplateLocation([]byte(apply(text, edits)), "", 1)
		if perr != nil {
			p.err = wrap(perr)
			return
		}
		guardLoops(t.GetRoot(), r.loopCheck)
		p.t = t
	})
	return p.t, p.err
}

// checkTags finds what osteele/liquid takes for text where Shopify's
// Liquid reports an error: a "{{" or "{%" with no closing "}}" or "%}"
// after it, a raw block never closed, an empty tag ({{ }}, {% %}). Written
// out as text, they made a file with the template's own syntax in it, and
// exit status 0. It returns the edits the text needs before
// osteele/liquid parses it: the inline comments ({% # note %}), which it
// reads as text, and the collection of a loop (see loopItems).
func checkTags(text string) (edits []edit, err error) {
	line := func(i int) int { return 1 + strings.Count(text[:i], "\n") }
	// A raw or comment block holds any text: its body is looked past,
	// newlines kept.
	outside := []byte(text)
	open, kind := -1, "" // the body start of the block being read, and its tag
	for _, m := range rawTag().FindAllStringSubmatchIndex(text, -1) {
		switch tag := text[m[2]:m[3]]; {
		case open < 0 && !strings.HasPrefix(tag, "end"):
			open, kind = m[1], tag
		case open >= 0 && tag == "end"+kind:
			for i := open; i < m[0]; i++ {
				if outside[i] != '\n' {
					outside[i] = ' '
				}
			}
			open = -1
		}
	}
	if open >= 0 {
		return nil, &Error{Line: line(open), Msg: fmt.Sprintf("Liquid: %q block never closed (no {%% end%s %%} after it)", kind, kind)}
	}
	// As osteele/liquid's scanner reads: the first opener, then the first
	// closer of its kind after it; whatever lies between (a "{{" in a
	// tag's string) is the tag's.
	// The next of each opener is looked for again only once the scan is
	// past it: searched anew at every step, one the text lacks made the
	// scan quadratic (1.4 MB of "{{ a }}" took 17 s, before any time limit).
	next := func(from, at int, opener string) int {
		if at >= from || at == len(outside) {
			return at
		}
		if j := bytes.Index(outside[from:], []byte(opener)); j >= 0 {
			return from + j
		}
		return len(outside)
	}
	out, tag := -1, -1
	for i := 0; ; {
		out, tag = next(i, out, "{{"), next(i, tag, "{%")
		start, open, closer := out, "{{", "}}"
		if tag < out {
			start, open, closer = tag, "{%", "%}"
		}
		if start == len(outside) {
			return edits, nil
		}
		c := bytes.Index(outside[start+2:], []byte(closer))
		if c < 0 {
			return nil, &Error{Line: line(start), Msg: fmt.Sprintf("Liquid: %q is not closed by %q", open, closer)}
		}
		end := start + 2 + c + 2
		inner := strings.TrimFunc(strings.Trim(text[start+2:end-2], "-"), unicode.IsSpace)
		switch {
		case inner == "":
			return nil, &Error{Line: line(start), Msg: fmt.Sprintf("Liquid: %s is empty", text[start:end])}
		case open == "{%" && inner[0] == '#':
			edits = append(edits, edit{start, end, commentBlock(text[start:end])})
		case open == "{%" && inner == "capture":
			// osteele/liquid captures into a variable named "", which
			// nothing can read; liquidjs refuses it.
			return nil, &Error{Line: line(start), Msg: fmt.Sprintf("Liquid: %s needs the name of the variable it captures into ({%% capture x %%})", text[start:end])}
		default:
			body := text[start+2 : end-2]
			with := body
			// cycle's values are read by a grammar of their own, which
			// takes no parenthesized filter.
			if open == "{{" || !cycleTag().MatchString(body) {
				with = rewriteExpr(body)
			}
			if open == "{%" {
				with = whenOr(loopCollection(with))
			}
			switch {
			case open == "{{" && strings.ContainsAny(strings.TrimFunc(strings.Trim(body, "-"), unicode.IsSpace), "\r\n"):
				// osteele/liquid reads an output only up to a line break
				// inside it ({{ x\n| upcase }}), and wrote one that has
				// one out as text; a tag it reads whole.
				left, right := "", ""
				if strings.HasPrefix(with, "-") {
					left = "-"
				}
				if strings.HasSuffix(with, "-") {
					right = "-"
				}
				edits = append(edits, edit{start, end, "{%" + left + " " + outputTag + " " + strings.TrimSuffix(strings.TrimPrefix(with, "-"), "-") + " " + right + "%}"})
			case with != body:
				edits = append(edits, edit{start + 2, end - 2, with})
			}
		}
		i = end
	}
}

// edit replaces text[start:end] with with.
type edit struct {
	start, end int
	with       string
}

// apply makes edits, in the order of the text, to text.
func apply(text string, edits []edit) string {
	if len(edits) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(text[last:e.start])
		b.WriteString(e.with)
		last = e.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// commentBlock is an inline comment tag as a comment block, with the same
// whitespace control and the same newlines, so that the lines after it
// keep their numbers.
func commentBlock(tag string) string {
	left, right := "", ""
	if strings.HasPrefix(tag, "{%-") {
		left = "-"
	}
	if strings.HasSuffix(tag, "-%}") {
		right = "-"
	}
	return "{%" + left + " comment %}" + strings.Repeat("\n", strings.Count(tag, "\n")) + "{% endcomment " + right + "%}"
}

// loopHead matches a for or tablerow tag's text up to its collection.
var loopHead = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^-?\s*(?:for|tablerow)\s+\S+\s+in\s+`)
})

// loopCollection puts loopFilter after the collection of a for or
// tablerow tag's (rewritten) text, if it is one.
func loopCollection(tag string) string {
	m := loopHead().FindStringIndex(tag)
	if m == nil {
		return tag
	}
	toks := tokenize(tag[m[1]:])
	if len(toks) == 0 || !strings.ContainsRune("isn([", rune(toks[0].kind)) {
		return tag
	}
	collection, i := rewriteOperand(toks, 0)
	var rest strings.Builder
	for _, t := range toks[i:] {
		rest.WriteString(t.text)
	}
	if args, ok := loopModifiers(toks[i:]); ok && strings.HasPrefix(strings.TrimLeft(tag, "- \t\r\n"), "for") {
		if !strings.HasSuffix(args, "-") {
			r := rest.String()
			args += r[len(strings.TrimRightFunc(r, unicode.IsSpace)):] // the space before %}
		}
		return tag[:m[1]] + collection + " | " + loopFilter + ": " + args
	}
	return tag[:m[1]] + collection + " | " + loopFilter + rest.String()
}

// loopModifiers reads a for tag's offset, limit and reversed as the
// arguments of loopFilter, which applies them in liquidjs's order:
// osteele/liquid reversed before it cut ((1..3) reversed limit: 2 was 3,
// 2; in liquidjs 2, 1), and took a negative limit for none. It gives
// false for what it does not know (a modifier twice, offset: continue),
// left to osteele/liquid.
func loopModifiers(toks []exprToken) (string, bool) {
	mods := map[string]string{}
	for i := 0; i < len(toks); {
		t := toks[i]
		switch {
		case t.kind == ' ' || t.kind == '-' && i == len(toks)-1:
			i++
			continue
		case t.kind == 'i' && t.text == "reversed" && mods["reversed"] == "":
			mods["reversed"] = "true"
			i++
			continue
		case t.kind == 'i' && (t.text == "limit" || t.text == "offset") && mods[t.text] == "" && i+1 < len(toks) && toks[i+1].kind == ':':
			j := i + 2
			for j < len(toks) && toks[j].kind == ' ' {
				j++
			}
			if j == len(toks) || !strings.ContainsRune("isn([", rune(toks[j].kind)) || toks[j].text == "continue" {
				return "", false
			}
			value, next := rewriteOperand(toks, j)
			mods[t.text], i = value, next
			continue
		}
		return "", false
	}
	if len(mods) == 0 {
		return "", false
	}
	arg := func(k, def string) string {
		if v := mods[k]; v != "" {
			return v
		}
		return def
	}
	trim := ""
	if len(toks) > 0 && toks[len(toks)-1].kind == '-' {
		trim = " -"
	}
	return arg("offset", "nil") + ", " + arg("limit", "nil") + ", " + arg("reversed", "false") + trim, true
}

// loopModifiersRE is loopFilter with the modifiers loopModifiers gave it,
// as an error quotes it: offset, limit, reversed, and the trim marker.
var loopModifiersRE = sync.OnceValue(func() *regexp.Regexp {
	const operand = `([^(),]*|\([^()]*(?:\([^()]*\))?[^()]*\))`
	return regexp.MustCompile(` \| ` + loopFilter + `: ` + operand + `, ` + operand + `, (true|false)( -)?`)
})

// loopFilter names loopItems, put after the collection of every for and
// tablerow loop. A template could name it too, to no effect.
const loopFilter = "__hypergen_loop"

// loopItems is what a loop walks as liquidjs walks it: a string is a list
// of itself (an empty one of nothing), nothing, a number or a boolean an
// empty list, and a range whose end is before its start too.
// osteele/liquid walked none of them, and skipped the loop's else too
// ({% for i in (3..1) %}…{% else %}none{% endfor %} printed nothing;
// liquidjs prints "none"), as it did for a range (negative length).
func loopItems(v any, mods ...any) any {
	if len(mods) == 3 {
		return modified(loopItems(v), mods[0], mods[1], mods[2] == true)
	}
	switch x := v.(type) {
	case values.Range:
		if x.Len() < 0 {
			return []any{}
		}
		return x
	case string:
		if x == "" {
			return []any{}
		}
		return []any{x}
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return v
	}
	return []any{}
}

// modified is a loop's items from offset, at most limit of them (the
// loop ends at offset + limit, so a negative offset takes from the
// limit), then reversed if reverse, as liquidjs cuts and reverses them.
func modified(v any, offset, limit any, reverse bool) []any {
	var list []any
	switch x := v.(type) {
	case values.Range:
		list = x.AsArray()
	case object:
		for i := range x.Len() {
			list = append(list, x.Index(i))
		}
	default:
		list = items(v)
	}
	off := 0.0
	if offset != nil {
		off = number(offset)
	}
	list = list[min(int(max(off, 0)), len(list)):]
	if limit != nil {
		list = list[:min(int(max(number(limit)+min(off, 0), 0)), len(list))]
	}
	if reverse {
		list = slices.Clone(list)
		slices.Reverse(list)
	}
	return list
}

// counter is liquidjs's increment (by 1) or decrement (by -1) tag: the
// variable it names, 0 if it is not a number, is printed and then
// increased, or decreased and then printed, and keeps its new value.
func counter(by int) func(c render.Context) (string, error) {
	return func(c render.Context) (string, error) {
		name := strings.TrimSpace(strings.Trim(strings.TrimSpace(c.TagArgs()), "-"))
		if !identifier().MatchString(name) {
			return "", fmt.Errorf("%s wants the name of a variable, got %q", c.TagName(), name)
		}
		n, ok := jsData(c.Get(name)).(float64)
		if !ok {
			n = 0
		}
		printed := n
		if by < 0 {
			printed = n - 1
		}
		c.Set(name, whole(n+float64(by)))
		return jsvalue.FormatNumber(printed), nil
	}
}

var identifier = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][\w-]*\??$`) })

// whenTag matches a when tag's text up to its values.
var whenTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\s*when\s`) })

// whenOr is a when tag's text with its values' "or" as ",": liquidjs
// takes either between them ({% when 1 or 2 %}), osteele/liquid only the
// comma.
func whenOr(tag string) string {
	m := whenTag().FindStringIndex(tag)
	if m == nil || !strings.Contains(tag, "or") {
		return tag
	}
	var b strings.Builder
	b.WriteString(tag[:m[1]])
	for _, t := range tokenize(tag[m[1]:]) {
		if t.kind == 'i' && t.text == "or" {
			b.WriteString(",")
			continue
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// outputTag names output, the tag an output that spans lines is
// rewritten as; echo is output too.
const outputTag = "__hypergen_output"

// output prints its expression's value as osteele/liquid prints an
// output's.
func output(c render.Context) (string, error) {
	// {% echo %} prints nothing, as in liquidjs; osteele/liquid gives
	// {%- echo -%} the arguments "-".
	if args := strings.TrimSpace(c.TagArgs()); args == "" || args == "-" {
		return "", nil
	}
	v, err := c.EvaluateString(c.TagArgs())
	if err != nil {
		return "", err
	}
	var b strings.Builder
	printValue(&b, v)
	return b.String(), nil
}

// printValue writes v as osteele/liquid writes an output's value.
func printValue(b *strings.Builder, v any) {
	v = values.ToLiquid(v)
	switch x := v.(type) {
	case nil:
		return
	case time.Time:
		b.WriteString(x.Format("2006-01-02 15:04:05 -0700"))
		return
	case []byte:
		b.Write(x)
		return
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Slice, reflect.Array:
		for i := range rv.Len() {
			printValue(b, rv.Index(i).Interface())
		}
	case reflect.Ptr:
		printValue(b, rv.Elem().Interface())
	default:
		fmt.Fprint(b, v)
	}
}

// outputAsTag is an output rewritten as outputTag, as an error quotes it.
var outputAsTag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)\{%(-?) ` + outputTag + ` (.*?) (-?)%\}`)
})

var cycleTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?\s*cycle\b`) })

var rawTag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\{%-?\s*(raw|endraw|comment|endcomment)\s*-?%\}`)
})

func (r *Renderer) run(t *liquid.Template, bindings map[string]any) (out string, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = "", enginePanic(p)
		}
	}()
	out, serr := t.RenderString(bindings)
	if serr != nil {
		return "", wrap(serr)
	}
	return out, nil
}

// enginePanic is the error for a panic inside osteele/liquid (a lexer
// that parses a 20-digit number literal with ParseInt, a filter indexing
// out of range): the render runs on a goroutine of its own, where a panic
// ended the process, and one request to the agent ended the agent.
func enginePanic(p any) error {
	return &Error{Msg: fmt.Sprintf("Liquid: the template engine failed on this template: %v", p)}
}

func wrap(err liquid.SourceError) error {
	// The tag as the template has it, without the filter parse put in.
	msg := liquidMessage().ReplaceAllString(err.Error(), "")
	msg = loopModifiersRE().ReplaceAllStringFunc(msg, func(m string) string {
		sub := loopModifiersRE().FindStringSubmatch(m)
		var b strings.Builder
		if sub[1] != "nil" {
			b.WriteString(" offset: " + sub[1])
		}
		if sub[2] != "nil" {
			b.WriteString(" limit: " + sub[2])
		}
		if sub[3] == "true" {
			b.WriteString(" reversed")
		}
		return b.String() + sub[4]
	})
	msg = unrewrite(strings.ReplaceAll(msg, " | "+loopFilter, ""))
	msg = outputAsTag().ReplaceAllString(msg, "{{$1$2$3}}")
	// A stray end tag was "endif not inside  in {% endif %}", its blocks'
	// names missing (an end tag has none).
	msg = strayEnd().ReplaceAllStringFunc(msg, func(m string) string {
		sub := strayEnd().FindStringSubmatch(m)
		if sub[2] == "" {
			return fmt.Sprintf("%s closes no open block%s", sub[1], sub[3])
		}
		return fmt.Sprintf("%s does not close the open %s block%s", sub[1], sub[2], sub[3])
	})
	// A tag's error wrapped twice names the tag twice ("… in {% cycle %}
	// in {% cycle %}").
	if i := strings.LastIndex(msg, " in {%"); i > 0 && strings.HasSuffix(msg[:i], msg[i:]) {
		msg = msg[:i]
	}
	return &Error{Line: err.LineNumber(), Msg: "Liquid: " + msg, Err: err.Cause()}
}

// strayEnd is osteele/liquid's message for an end tag outside its block:
// the tag, the block it is in if any, and what follows.
var strayEnd = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\w+) not inside (?:; immediate parent is (\w+))?( in |$)`)
})

// liquidMessage is osteele/liquid's own prefix, "Liquid error (line N): ",
// at the start or, for a tag's error wrapped again, inside the message;
// the caller shows the file and line itself.
var liquidMessage = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(Liquid exception: )?Liquid error( \(line \d+\))?: `)
})
