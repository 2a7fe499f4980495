package jsrt

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/ejs"
)

// Template is an EJS template compiled to a goja program.
type Template struct {
	src  *ejs.Source
	prog *goja.Program
}

// Error is a template that failed to compile or to render, located at a
// template line where known.
type Error struct {
	Line    int
	Compile bool // a syntax error rather than an exception while rendering
	Msg     string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

type cacheEntry struct {
	once sync.Once
	t    *Template
	err  error
}

// Cache holds compiled templates keyed by their text and options. It is safe
// for concurrent use; compiling the same text twice at once compiles it once.
type Cache struct {
	entries      sync.Map // string -> *cacheEntry
	hits, misses atomic.Int64
}

// Stats reports cache lookups since the cache was made.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

type cacheKey struct {
	text string
	opts ejs.Options
}

// Compile returns the compiled form of an EJS template text.
func (c *Cache) Compile(text string, opts ejs.Options) (*Template, error) {
	key := cacheKey{text, opts}
	v, loaded := c.entries.Load(key)
	if !loaded {
		v, loaded = c.entries.LoadOrStore(key, &cacheEntry{})
	}
	if loaded {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	e := v.(*cacheEntry)
	e.once.Do(func() { e.t, e.err = compile(text, opts) })
	return e.t, e.err
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
	prog, err := goja.Compile("", src.Function, false)
	if err != nil {
		return nil, syntaxError(src, err)
	}
	return &Template{src: src, prog: prog}, nil
}

// goja reports parse errors as text: "(anonymous): Line 11:3 Unexpected token".
var syntaxPos = regexp.MustCompile(`Line (\d+):\d+ (.*?)(?: \(and \d+ more errors?\))?$`)

func syntaxError(src *ejs.Source, err error) error {
	msg := err.Error()
	var ce *goja.CompilerSyntaxError
	if errors.As(err, &ce) {
		msg = ce.Message
	}
	if m := syntaxPos.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Line: src.TemplateLine(line), Compile: true, Msg: "SyntaxError: " + m[2]}
	}
	return &Error{Compile: true, Msg: "SyntaxError: " + msg}
}
