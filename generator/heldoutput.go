package generator

import (
	"context"
	"io"
	"sync"
)

// heldOutput is what one template printed while an action's files
// rendered in parallel. hygen renders them one after another, so what they
// print comes in file order; held, it is printed in that order once the
// pass is over, or dropped when the action renders again in order (see
// renderAll), whose output then matches the files written.
type heldOutput struct {
	mu     sync.Mutex // a child process's stdout and stderr are copied at once
	chunks []heldChunk
}

type heldChunk struct {
	stderr bool
	b      []byte
}

// writers are the stdout and stderr that hold what is written to them.
func (h *heldOutput) writers() (stdout, stderr io.Writer) {
	return heldWriter{h, false}, heldWriter{h, true}
}

type heldWriter struct {
	h      *heldOutput
	stderr bool
}

func (w heldWriter) Write(p []byte) (int, error) {
	w.h.mu.Lock()
	defer w.h.mu.Unlock()
	w.h.chunks = append(w.h.chunks, heldChunk{w.stderr, append([]byte(nil), p...)})
	return len(p), nil
}

// release writes what was held to stdout and stderr, in the order it was
// written.
func (h *heldOutput) release(stdout, stderr io.Writer) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, c := range h.chunks {
		w := stdout
		if c.stderr {
			w = stderr
		}
		_, _ = w.Write(c.b)
	}
	h.chunks = nil
}

// heldRun holds, while an action's files render in parallel, what each
// printed and the event each reported, until it is known whether the
// action renders again in order (renderAll): the console then shows what
// the files hold, and the observer each file's outcome in the run that
// counted. A run ended while they render (JavaScript stuck in a built-in)
// releases what it holds first, as it would otherwise be lost.
type heldRun struct {
	stdout, stderr io.Writer
	observer       Observer
	next           func(error) func() // Config.JSStuck

	mu       sync.Mutex
	ctx      context.Context // the render phase's, for the events
	outputs  []*heldOutput   // by file
	events   []*FileEvent    // by file, from the first pass
	released bool            // nothing held: print and report at once
}

func newHeldRun(stdout, stderr io.Writer, observer Observer, next func(error) func()) *heldRun {
	return &heldRun{stdout: stdout, stderr: stderr, observer: observer, next: next, released: true}
}

// hold starts holding for n files rendering in parallel.
func (h *heldRun) hold(ctx context.Context, n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ctx, h.outputs, h.events, h.released = ctx, make([]*heldOutput, n), make([]*FileEvent, n), false
}

// output is where file i's scripts print, or nil to print at once.
func (h *heldRun) output(i int) *heldOutput {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.released {
		return nil
	}
	h.outputs[i] = &heldOutput{}
	return h.outputs[i]
}

// report holds file i's event, or reports it at once once released.
func (h *heldRun) report(ctx context.Context, i int, ev FileEvent) {
	h.mu.Lock()
	if h.released {
		h.mu.Unlock()
		h.observer.FileDone(ctx, ev)
		return
	}
	h.events[i] = &ev
	h.mu.Unlock()
}

// release prints what the files printed (unless print is false: the
// second pass printed its own) and reports their events, in file order.
// Where second has an event for a file, its outcome and size replace the
// first pass's: it is the pass whose files are written.
func (h *heldRun) release(second []*FileEvent, print bool) {
	h.mu.Lock()
	if h.released {
		h.mu.Unlock()
		return
	}
	h.released = true
	outputs, events, ctx := h.outputs, h.events, h.ctx
	h.mu.Unlock()
	for i := range outputs {
		if print && outputs[i] != nil {
			outputs[i].release(h.stdout, h.stderr)
		}
		ev := events[i]
		if second != nil && second[i] != nil {
			if ev == nil {
				ev = second[i]
			} else {
				e := *ev
				e.Err, e.Bytes = second[i].Err, second[i].Bytes
				ev = &e
			}
		}
		if ev != nil {
			h.observer.FileDone(ctx, *ev)
		}
	}
}

// stuck is Config.JSStuck for the run, what is held going out first; nil
// without one, as nothing then ends the run early.
func (h *heldRun) stuck() func(error) func() {
	if h.next == nil {
		return nil
	}
	return func(err error) func() {
		h.release(nil, true)
		return h.next(err)
	}
}
