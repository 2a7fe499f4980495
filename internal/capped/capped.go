package capped

import (
	"bytes"
	"sync"
)

// Budget is what the streams drawing on it may still keep. Streams are
// copied concurrently (a command's stdout and stderr), so it is locked.
type Budget struct {
	mu   sync.Mutex
	left int
	over func()
	hit  bool
}

// NewBudget keeps n bytes in all. over, if not nil, is called once, from
// the write that passes the budget.
func NewBudget(n int, over func()) *Budget { return &Budget{left: n, over: over} }

// Buffer is a stream that draws on the budget.
func (b *Budget) Buffer() *Buffer { return &Buffer{budget: b} }

// Hit reports whether a write passed the budget.
func (b *Budget) Hit() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.hit
}

// Buffer keeps what fits of what is written to it. It has no ReadFrom, and
// is no bytes.Buffer, whose ReadFrom io.Copy would call, reading past the
// budget: exec.Cmd copies a stream into its writer with io.Copy.
type Buffer struct {
	buf    bytes.Buffer
	budget *Budget
}

func (c *Buffer) Write(p []byte) (int, error) {
	b := c.budget
	b.mu.Lock()
	keep := min(len(p), max(b.left, 0))
	b.left -= len(p)
	overNow := b.left < 0 && !b.hit
	if overNow {
		b.hit = true
	}
	b.mu.Unlock()
	c.buf.Write(p[:keep])
	if overNow && b.over != nil {
		b.over()
	}
	return len(p), nil
}

// Bytes is what was kept.
func (c *Buffer) Bytes() []byte { return c.buf.Bytes() }

// Len is how many bytes were kept.
func (c *Buffer) Len() int { return c.buf.Len() }

// String is what was kept, as a string.
func (c *Buffer) String() string { return c.buf.String() }
