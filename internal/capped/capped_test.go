package capped

import (
	"io"
	"strings"
	"testing"
)

// Two streams keep what fits of their shared budget, each write taken
// whole; over is called once, from the write that passes it.
func TestSharedBudget(t *testing.T) {
	overs := 0
	b := NewBudget(10, func() { overs++ })
	out, errOut := b.Buffer(), b.Buffer()
	for _, w := range []struct {
		to *Buffer
		s  string
	}{{out, "0123"}, {errOut, "456789ab"}, {out, "cdef"}} {
		if n, err := w.to.Write([]byte(w.s)); n != len(w.s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", w.s, n, err)
		}
	}
	if out.String() != "0123" || errOut.String() != "456789" || !b.Hit() || overs != 1 {
		t.Errorf("kept %q and %q, hit %v, over called %d times", out, errOut, b.Hit(), overs)
	}
}

// What io.Copy writes stays within the budget too: exec.Cmd copies a
// stream into its writer with io.Copy, which used a bytes.Buffer's
// ReadFrom, past any cap on Write (300 MB of an sh: command's stderr took
// 1 GB of memory under a 100 MB cap).
func TestCopyStaysWithinTheBudget(t *testing.T) {
	if _, ok := any(&Buffer{}).(io.ReaderFrom); ok {
		t.Fatal("Buffer has a ReadFrom, which io.Copy would call instead of Write")
	}
	c := NewBudget(1000, nil).Buffer()
	// A reader with no WriteTo, as a pipe read through os.File's fallback.
	if _, err := io.Copy(c, io.LimitReader(strings.NewReader(strings.Repeat("x", 100_000)), 100_000)); err != nil {
		t.Fatal(err)
	}
	if c.Len() != 1000 {
		t.Errorf("kept %d bytes, want the budget's 1000", c.Len())
	}
}
