package liquidtmpl

import (
	"regexp"
	"sync"

	"github.com/dop251/goja"
	"github.com/osteele/liquid"

	"github.com/hypergen-dev/hypergen/internal/inflect"
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

// Render renders text with locals as its variables.
func (r *Renderer) Render(text string, locals *jsvalue.Object) (string, error) {
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
	bindings := make(map[string]any, locals.Len())
	for _, k := range locals.Keys() {
		v, _ := locals.Get(k)
		bindings[k] = toGo(v)
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
		return x.Export()
	}
	if v == jsvalue.Undefined {
		return nil
	}
	return v
}
