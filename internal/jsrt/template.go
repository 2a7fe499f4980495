package jsrt

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/costcache"
	"github.com/hypergen-dev/hypergen/internal/ejs"
)

// Template is an EJS template compiled to a goja program.
type Template struct {
	src   *ejs.Source
	prog  *goja.Program
	opts  ejs.Options // what it was compiled with, and the texts it includes are
	needs features    // what its code names, installed before it runs
}

// Error is a template that failed to compile or to render, located at a
// template line where known.
type Error struct {
	Line    int
	Compile bool // a syntax error rather than an exception while rendering
	Msg     string
	Err     error // the cause, when a bound stopped the template (see Limits)
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// DefaultCacheBudget bounds a Cache whose budget was not set: enough for
// every template of a very large tree (a compiled template costs a few
// kilobytes), small next to the memory a render needs.
const DefaultCacheBudget = 256 << 20

// Cache holds compiled templates keyed by their text and options, so an entry
// can never be stale: changed text is a different key. It is bounded by an
// estimate of the memory its entries hold and evicts the least recently used.
// It is safe for concurrent use; compiling the same text twice at once
// compiles it once. The zero value is ready to use, with DefaultCacheBudget.
type Cache struct {
	once   sync.Once
	budget atomic.Int64
	c      *costcache.Cache[cacheKey, *Template]
}

type cacheKey struct {
	text string
	opts ejs.Options
}

func (c *Cache) cache() *costcache.Cache[cacheKey, *Template] {
	c.once.Do(func() {
		b := c.budget.Load()
		if b <= 0 {
			b = DefaultCacheBudget
		}
		c.c = costcache.New[cacheKey, *Template](b)
	})
	return c.c
}

// SetBudget changes the memory budget in bytes (estimated), evicting at once
// if the cache holds more.
func (c *Cache) SetBudget(bytes int64) {
	c.budget.Store(bytes)
	c.cache().SetMaxCost(bytes)
}

// Stats reports lookups, evictions and size since the cache was made.
func (c *Cache) Stats() costcache.Stats { return c.cache().Stats() }

// Shrink releases the least recently used templates until at most fraction of
// the current size is held; a memory governor calls it under pressure.
func (c *Cache) Shrink(fraction float64) int64 { return c.cache().Shrink(fraction) }

// compiledCostFactor turns the length of a template's generated JavaScript
// into an estimate of the bytes its compiled goja program holds (measured by
// TestCompiledCostEstimate).
const compiledCostFactor = 12

// Compile returns the compiled form of an EJS template text.
func (c *Cache) Compile(text string, opts ejs.Options) (*Template, error) {
	t, _, err := c.Lookup(text, opts)
	return t, err
}

// Lookup is Compile that also reports whether the template came from the
// cache (a miss is a lookup that compiled; one that waited for another
// caller's compilation is a hit, as the cache's Stats count it).
func (c *Cache) Lookup(text string, opts ejs.Options) (t *Template, hit bool, err error) {
	hit = true
	t, err = c.cache().Get(cacheKey{text, opts}, func() (*Template, int64, error) {
		hit = false
		t, err := compile(text, opts)
		cost := int64(len(text))
		if t != nil {
			cost += int64(len(t.src.Function)) * compiledCostFactor
		}
		return t, cost, err
	})
	return t, hit, err
}

func compile(text string, opts ejs.Options) (*Template, error) {
	src, err := ejs.Compile(text, opts)
	if err != nil {
		var ee *ejs.Error
		if errors.As(err, &ee) {
			return nil, &Error{Line: ee.Line, Compile: true, Msg: ee.Msg}
		}
		return nil, err
	}
	prog, err := compileJS(templateSrc, src.Function)
	if err != nil {
		if src.Concat {
			// Compiled again only to name the line at fault (see
			// ejs.CompileStatements), which fails the same way.
			if stmts, serr := ejs.CompileStatements(text, opts); serr == nil {
				if _, perr := compileJS(templateSrc, stmts.Function); perr != nil {
					src, err = stmts, perr
				}
			}
		}
		return nil, syntaxError(src, err)
	}
	return &Template{src: src, prog: prog, opts: opts, needs: featuresOf(src.Code)}, nil
}

// goja reports parse errors as text: "(anonymous): Line 11:3 Unexpected token".
var syntaxPos = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`Line (\d+):\d+ (.*?)(?: \(and \d+ more errors?\))?$`)
})

func syntaxError(src *ejs.Source, err error) error {
	msg := err.Error()
	var ce *goja.CompilerSyntaxError
	if errors.As(err, &ce) {
		msg = ce.Message
	}
	if m := syntaxPos().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Line: src.TemplateLine(line), Compile: true, Msg: "SyntaxError: " + m[2]}
	}
	return &Error{Compile: true, Msg: "SyntaxError: " + msg}
}
