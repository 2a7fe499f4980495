package liquidtmpl

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/osteele/liquid"

	"github.com/hypergen-dev/hypergen/internal/inflect"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Renderer parses and renders Liquid templates. It is safe for concurrent
// use; each distinct text is parsed once.
type Renderer struct {
	once   sync.Once
	engine *liquid.Engine
	parsed sync.Map // text -> *parsed
}

type parsed struct {
	once sync.Once
	t    *liquid.Template
	err  error
}

// Error is a Liquid template that failed to parse or render, with the
// template line where known.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

func (r *Renderer) init() {
	r.engine = liquid.NewEngine()
	for name, f := range filters() {
		r.engine.RegisterFilter(name, f)
	}
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
// from outside (an empty `for` over a large range calls nothing of ours),
// so a render past its limit is left to end on its own goroutine. At most
// GOMAXPROCS renders run at once in a process, those included: a render
// waits for one of them to end, within the same limit, so a long-lived
// process (the agent) cannot be made to burn more than its cores. A CLI
// run exits with the error, ending the render.
func (r *Renderer) Render(ctx context.Context, limit time.Duration, text string, locals *jsvalue.Object) (string, error) {
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
	// The bindings are this render's own: one left running shares nothing.
	bindings := make(map[string]any, locals.Len())
	for _, k := range locals.Keys() {
		v, _ := locals.Get(k)
		bindings[k] = toGo(v)
	}
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		n := running.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		out, err := r.render(text, bindings)
		running.Add(-1)
		<-slots()
		done <- result{out, err}
	}()
	select {
	case res := <-done:
		return res.out, res.err
	case <-ctx.Done():
		return "", fmt.Errorf("Liquid: %w", context.Cause(ctx))
	case <-timer.C:
		return "", fmt.Errorf("Liquid: %w", &jsrt.TimeoutError{Limit: limit})
	}
}

func (r *Renderer) render(text string, bindings map[string]any) (string, error) {
	r.once.Do(r.init)
	v, _ := r.parsed.LoadOrStore(text, &parsed{})
	p := v.(*parsed)
	p.once.Do(func() {
		// Line 1 first: ParseString would count lines from 0.
		t, err := r.engine.ParseTemplateLocation([]byte(text), "", 1)
		if err != nil {
			p.err = wrap(err)
			return
		}
		p.t = t
	})
	if p.err != nil {
		return "", p.err
	}
	out, err := p.t.RenderString(bindings)
	if err != nil {
		return "", wrap(err)
	}
	return out, nil
}

func wrap(err liquid.SourceError) error {
	return &Error{Line: err.LineNumber(), Msg: "Liquid: " + liquidMessage().ReplaceAllString(err.Error(), "")}
}

// liquidMessage is osteele/liquid's own prefix, "Liquid error (line N): ";
// the caller shows the file and line itself.
var liquidMessage = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(Liquid exception: )?Liquid error( \(line \d+\))?: `)
})

// toGo converts a jsvalue into the Go values Liquid understands: maps,
// slices, strings, numbers, booleans.
func toGo(v any) any {
	switch x := v.(type) {
	case *jsvalue.Object:
		m := make(map[string]any, x.Len())
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			m[k] = toGo(e)
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toGo(e)
		}
		return out
	case *jsvalue.RegExp:
		return x.String()
	case goja.Value: // a hook's JavaScript value
		return toGo(x.Export())
	case float64:
		// JavaScript has one number type; Liquid wants an int where it
		// counts (a range's bounds, limit:, offset:), as --count 3 is.
		if x == math.Trunc(x) && math.Abs(x) <= 1<<53 {
			return int(x)
		}
		return x
	case int64: // how goja exports a hook's whole numbers
		return int(x)
	case map[string]any: // a hook's object, exported
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = toGo(e)
		}
		return m
	}
	if v == jsvalue.Undefined {
		return nil
	}
	return v
}
